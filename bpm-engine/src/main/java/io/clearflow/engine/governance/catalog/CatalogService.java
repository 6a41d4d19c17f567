package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.governance.ValidationReport;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps 1 to 3 of the five-step method: identification, classification and design (models and
 * form definitions). The entry point and transaction boundary; the steps live in
 * {@link IdentificationAndClassification} and {@link DesignUploads}, the SQL in
 * {@link ScenarioRepository} and {@link DesignRepository}. Every change is checked against
 * {@link GovernanceAccess} and written to the {@link AuditTrail} in the same transaction.
 */
@Service
public class CatalogService {

    private final ScenarioRepository scenarios;
    private final DesignRepository designs;
    private final GovernanceAccess access;
    private final IdentificationAndClassification identification;
    private final DesignUploads uploads;

    CatalogService(ScenarioRepository scenarios, DesignRepository designs, GovernanceAccess access,
                   IdentificationAndClassification identification, DesignUploads uploads) {
        this.scenarios = scenarios;
        this.designs = designs;
        this.access = access;
        this.identification = identification;
        this.uploads = uploads;
    }

    // ---- 1 Identification -------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Scenario> scenarios(Member member) {
        access.requireRead(member);
        return allScenarios();
    }

    /** Every scenario, for trusted callers (the public catalog API). */
    @Transactional(readOnly = true)
    public List<Scenario> allScenarios() {
        return scenarios.all();
    }

    @Transactional(readOnly = true)
    public Scenario scenario(Member member, String id) {
        access.requireRead(member);
        return find(id);
    }

    public Scenario find(String id) {
        return scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
    }

    /** The scenario whose process has this key, if the catalog governs it. */
    public Optional<Scenario> byProcessKey(String processKey) {
        return scenarios.byProcessKey(processKey);
    }

    @Transactional
    public Scenario register(Member member, ScenarioInput input) {
        return identification.register(member, input);
    }

    /**
     * Registers a scenario for a trusted module (the public catalog API), on the decision of
     * {@code openedBy}: same checks, no member access rule (the module checked its own).
     */
    @Transactional
    public Scenario registerFor(String openedBy, ScenarioInput input) {
        return identification.registerFor(openedBy, input);
    }

    /** Changes the identification; the recommendation follows the new characteristics, an accepted mode stays. */
    @Transactional
    public Scenario update(Member member, String id, ScenarioInput input) {
        return identification.update(member, id, input);
    }

    /** Marks the scenario "not suitable for a process → direct system integration", or suitable again. */
    @Transactional
    public Scenario setSuitability(Member member, String id, boolean suitable, String reason) {
        return identification.setSuitability(member, id, suitable, reason);
    }

    // ---- 2 Classification ---------------------------------------------------------------------

    public Classifier.Recommendation recommendation(Scenario scenario) {
        return Classifier.recommend(scenario.characteristics());
    }

    /** Accepts the recommended mode, or overrides it with a reason. */
    @Transactional
    public Scenario classify(Member member, String id, String mode, String reason) {
        return identification.classify(member, id, mode, reason);
    }

    // ---- 3 Design -----------------------------------------------------------------------------

    /**
     * Uploads or replaces the scenario's design. A readable model is stored even when it breaks
     * rules, so its errors can be shown and fixed; a file that is not BPMN at all (junk, XXE, DTD)
     * is refused and changes nothing.
     */
    @Transactional
    public Design upload(Member member, String scenarioId, String fileName, byte[] bpmn) {
        return uploads.upload(member, scenarioId, fileName, bpmn);
    }

    /** As {@link #upload(Member, String, String, byte[])}; a file over the limit is refused before anything else. */
    @Transactional
    public Design upload(Member member, String scenarioId, BpmnFile file) {
        return uploads.upload(member, scenarioId, file.requireWithinLimit().name(), file.content());
    }

    /** Stores a draft offered by another module (process mining); the owner adopts it or not. */
    @Transactional
    public Design offer(String scenarioId, byte[] bpmn, String origin, String offeredBy) {
        return uploads.offer(scenarioId, bpmn, origin, offeredBy);
    }

    /** Makes an offered draft the scenario's current design. */
    @Transactional
    public Design adopt(Member member, String scenarioId, long designId) {
        return uploads.adopt(member, scenarioId, designId);
    }

    /** Validates the current design again, against the scenario's mode as it is now. */
    @Transactional
    public Design revalidate(Member member, String scenarioId) {
        return uploads.revalidate(member, scenarioId);
    }

    public Optional<Design> currentDesign(String scenarioId) {
        return designs.current(scenarioId);
    }

    public List<Design> offeredDrafts(String scenarioId) {
        return designs.offered(scenarioId);
    }

    public Design design(long id) {
        return uploads.design(id);
    }

    public byte[] bpmn(long designId) {
        return uploads.bpmn(designId);
    }

    /** A file that is not readable BPMN: answered 400 with the findings. */
    public static class UnreadableModelException extends InvalidRequestException {
        private final ValidationReport report;

        public UnreadableModelException(ValidationReport report) {
            super("the file is not a readable BPMN 2.0 model: " + (report.errors().isEmpty() ? ""
                    : report.errors().get(0).message()));
            this.report = report;
        }

        public ValidationReport report() {
            return report;
        }
    }

    /**
     * A model over {@link BpmnFile#MAX_BYTES}: answered 413. People read it as {@link #KEY} with {@link #args()};
     * the message is the English text, for the validator's report.
     */
    public static class ModelTooLargeException extends RuntimeException {
        public static final String KEY = "gov.refused.modelTooLarge";
        private final long size;

        public ModelTooLargeException(long size) {
            super("the BPMN file has " + size + " bytes; at most " + BpmnFile.MAX_BYTES + " are accepted");
            this.size = size;
        }

        /** The file's size and the limit, in bytes. */
        public Object[] args() {
            return new Object[] {size, BpmnFile.MAX_BYTES};
        }
    }
}
