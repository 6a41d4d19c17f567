package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.governance.GovernanceCatalog;
import io.clearflow.engine.governance.NewScenario;
import io.clearflow.engine.governance.ScenarioSummary;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as other modules use it ({@link GovernanceCatalog}); trusted callers, no member checks. */
@Component
class CatalogApi implements GovernanceCatalog {

    private final CatalogService catalog;
    private final ReleaseService releases;
    private final BpmnValidator validator;

    CatalogApi(CatalogService catalog, ReleaseService releases, BpmnValidator validator) {
        this.catalog = catalog;
        this.releases = releases;
        this.validator = validator;
    }

    @Override
    @Transactional
    public String offerDesignDraft(String scenarioId, byte[] bpmnXml, String origin, String offeredBy) {
        return String.valueOf(catalog.offer(scenarioId, bpmnXml, origin, offeredBy).id());
    }

    @Override
    @Transactional
    public String openScenario(NewScenario s) {
        if (s == null || s.openedBy() == null || s.openedBy().isBlank()) {
            throw new io.clearflow.engine.api.InvalidRequestException("gov.refused.scenarioMissing",
                    java.util.Map.of("openedBy", "gov.error.required"));
        }
        return catalog.registerFor(s.openedBy(), new ScenarioInput(s.name(), s.description(), s.sourceType(),
                s.sourceReference(), s.ownerDepartment(), s.businessCategory(), s.characteristics())).id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ScenarioSummary> scenario(String scenarioId) {
        try {
            return Optional.of(summary(catalog.find(scenarioId)));
        } catch (io.clearflow.engine.api.NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ScenarioSummary> scenarios() {
        return catalog.allScenarios().stream().map(CatalogApi::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> activeModel(String scenarioId) {
        return releases.activeModel(scenarioId);
    }

    @Override
    public ValidationReport validate(byte[] bpmn) {
        BpmnFile file = BpmnFile.of(bpmn);
        if (file.tooLarge()) {
            return file.tooLargeReport("the file has " + file.size() + " bytes; at most " + BpmnFile.MAX_BYTES + " are accepted");
        }
        return validator.validate(bpmn);
    }

    static ScenarioSummary summary(Scenario s) {
        return new ScenarioSummary(s.id(), s.name(), s.ownerDepartment(), s.businessCategory(), s.stage(), s.mode(),
                s.processKey(), s.activeVersion());
    }

    @Override
    public Optional<byte[]> diagramPng(byte[] bpmn) {
        return validator.model(bpmn).flatMap(model -> {
            try {
                return Optional.of(io.clearflow.engine.governance.bpmn.DiagramRenderer.png(model));
            } catch (io.clearflow.engine.governance.bpmn.DiagramRenderer.NotDrawable e) {
                return Optional.empty();
            }
        });
    }
}
