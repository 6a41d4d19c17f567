package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Step 3, design: a scenario's BPMN models uploaded by its owner or offered by another module,
 * adopted and validated against the scenario's mode.
 */
@Component
class DesignUploads {

    private final ScenarioRepository scenarios;
    private final DesignRepository designs;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final BpmnValidator validator;
    private final Clock clock;

    DesignUploads(ScenarioRepository scenarios, DesignRepository designs, GovernanceAccess access, AuditTrail audit,
                  BpmnValidator validator, Clock clock) {
        this.scenarios = scenarios;
        this.designs = designs;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A readable model is stored even when it breaks rules, so its errors can be shown and fixed; a
     * file that is not BPMN at all (junk, XXE, DTD) is refused and changes nothing.
     */
    Design upload(Member member, String scenarioId, String fileName, byte[] bpmn) {
        Scenario scenario = scenario(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        if (scenario.directIntegration()) {
            throw new ConflictException("gov.refused.directIntegration");
        }
        requireSize(bpmn);
        ValidationReport report = validator.validate(bpmn, scenario.mode());
        if (report.processKey() == null) {
            throw new CatalogService.UnreadableModelException(report);
        }
        designs.replaceCurrent(scenarioId);
        long id = designs.insert(scenarioId, safeName(fileName), bpmn, "upload", "current", report, member.userId(),
                clock.instant());
        audit.record(scenarioId, member.userId(), "design-uploaded", "design " + id + " (" + safeName(fileName) + "), "
                + (report.valid() ? "valid" : report.errors().size() + " error(s)"));
        return design(id);
    }

    Design offer(String scenarioId, byte[] bpmn, String origin, String offeredBy) {
        scenario(scenarioId);
        if (origin == null || origin.isBlank() || origin.length() > 255) {
            throw new InvalidRequestException("gov.refused.originRequired", Map.of("origin", "gov.error.origin"));
        }
        String by = offeredBy == null || offeredBy.isBlank() ? "system" : offeredBy.strip();
        requireSize(bpmn);
        ValidationReport report = validator.validate(bpmn, scenario(scenarioId).mode());
        long id = designs.insert(scenarioId, null, bpmn, origin.strip(), "offered", report, by, clock.instant());
        audit.record(scenarioId, by, "draft-offered", "design " + id + " from " + origin.strip());
        return design(id);
    }

    Design adopt(Member member, String scenarioId, long designId) {
        Scenario scenario = scenario(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Design draft = design(designId);
        if (!draft.scenarioId().equals(scenarioId) || !"offered".equals(draft.status())) {
            throw new NotFoundException("offered draft", String.valueOf(designId));
        }
        ValidationReport report = validator.validate(bpmn(designId), scenario.mode());
        if (report.processKey() == null) {
            throw new CatalogService.UnreadableModelException(report);
        }
        designs.replaceCurrent(scenarioId);
        designs.makeCurrent(designId, report);
        audit.record(scenarioId, member.userId(), "draft-adopted", "design " + designId + " from " + draft.origin());
        return design(designId);
    }

    Design revalidate(Member member, String scenarioId) {
        Scenario scenario = scenario(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Design current = designs.current(scenarioId).orElseThrow(() -> new NotFoundException("design of scenario", scenarioId));
        ValidationReport report = validator.validate(bpmn(current.id()), scenario.mode());
        designs.setReport(current.id(), report);
        audit.record(scenarioId, member.userId(), "design-validated", "design " + current.id() + ", "
                + (report.valid() ? "valid" : report.errors().size() + " error(s)"));
        return design(current.id());
    }

    Design design(long id) {
        return designs.find(id).orElseThrow(() -> new NotFoundException("design", String.valueOf(id)));
    }

    byte[] bpmn(long designId) {
        return designs.bpmn(designId).orElseThrow(() -> new NotFoundException("design", String.valueOf(designId)));
    }

    private Scenario scenario(String id) {
        return scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
    }

    private static void requireSize(byte[] bpmn) {
        BpmnFile.of(bpmn).require();
    }

    private static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "model.bpmn";
        }
        String name = fileName.replaceAll("[\\\\/]", "_").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
