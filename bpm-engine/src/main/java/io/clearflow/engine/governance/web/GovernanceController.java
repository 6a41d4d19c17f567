package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.governance.bpmn.DiagramRenderer;
import io.clearflow.engine.governance.catalog.AuditEntry;
import io.clearflow.engine.governance.catalog.AuditTrail;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.Classifier;
import io.clearflow.engine.governance.catalog.Design;
import io.clearflow.engine.governance.catalog.Feedback;
import io.clearflow.engine.governance.catalog.FormDefinition;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.governance.catalog.GovernanceAccess;
import io.clearflow.engine.governance.catalog.Improvement;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.Scenario;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.governance.catalog.StoredForm;
import io.clearflow.engine.governance.catalog.Version;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The governance catalog on REST: the five steps, validation, feedback and the audit trail. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class GovernanceController {

    /** A scenario with everything its page shows. */
    record ScenarioDetail(Scenario scenario, String stage, Classifier.Recommendation recommendation, Design design,
                          List<Design> offeredDrafts, List<StoredForm> forms, List<Version> versions,
                          long runningOnOlderVersions, List<Improvement> improvements) { }

    record Suitability(boolean suitable, String reason) { }

    record Classification(String mode, String reason) { }

    record PublishRequest(String runningInstances) { }

    record FeedbackRequest(String caseId, String taskName, Integer rating, String comment) { }

    record ImprovementRequest(String title, String description, String metricRef, List<Long> feedbackIds) { }

    record StatusRequest(String status) { }

    private final CatalogService catalog;
    private final FormService forms;
    private final ReleaseService releases;
    private final ImprovementService improvements;
    private final AuditTrail audit;
    private final GovernanceAccess access;
    private final BpmnValidator validator;
    private final CurrentUser currentUser;

    GovernanceController(CatalogService catalog, FormService forms, ReleaseService releases,
                         ImprovementService improvements, AuditTrail audit, GovernanceAccess access,
                         BpmnValidator validator, CurrentUser currentUser) {
        this.catalog = catalog;
        this.forms = forms;
        this.releases = releases;
        this.improvements = improvements;
        this.audit = audit;
        this.access = access;
        this.validator = validator;
        this.currentUser = currentUser;
    }

    @PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a BPMN file (Flowable's validator and the platform's rules); changes nothing",
            description = "Optional 'mode' (electronic, self-service, intelligent) adds the mode's rules. Answers 200 with "
                    + "{valid, errors[{elementId, message}], warnings} for any file; 413 over 5 MB.")
    ValidationReport validate(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode)
            throws IOException {
        access.requireValidate(currentUser.get());
        if (mode != null && !io.clearflow.engine.governance.catalog.Vocabulary.MODES.contains(mode)) {
            throw new InvalidRequestException("unknown mode", Map.of("mode", "one of "
                    + io.clearflow.engine.governance.catalog.Vocabulary.MODES));
        }
        if (file.getSize() > CatalogService.MAX_BPMN_BYTES) {
            throw new CatalogService.ModelTooLargeException(file.getSize());
        }
        return validator.validate(file.getBytes(), mode);
    }

    // ---- 1 Identification -------------------------------------------------------------------

    @GetMapping("/scenarios")
    List<Scenario> scenarios() {
        return catalog.scenarios(currentUser.get());
    }

    @Idempotent
    @PostMapping("/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a business scenario (step 1)")
    Scenario register(@RequestBody ScenarioInput input) {
        return catalog.register(currentUser.get(), input);
    }

    @GetMapping("/scenarios/{id}")
    ScenarioDetail scenario(@PathVariable String id) {
        Scenario s = catalog.scenario(currentUser.get(), id);
        return new ScenarioDetail(s, s.stage(), catalog.recommendation(s), catalog.currentDesign(id).orElse(null),
                catalog.offeredDrafts(id), forms.forms(id), releases.versions(id), releases.runningOnOlderVersions(s),
                improvements.actions(id));
    }

    @PutMapping("/scenarios/{id}")
    Scenario update(@PathVariable String id, @RequestBody ScenarioInput input) {
        return catalog.update(currentUser.get(), id, input);
    }

    @PutMapping("/scenarios/{id}/suitability")
    @Operation(summary = "Mark 'not suitable for a process → direct system integration' (with a reason), or suitable again")
    Scenario suitability(@PathVariable String id, @RequestBody Suitability body) {
        return catalog.setSuitability(currentUser.get(), id, body.suitable(), body.reason());
    }

    // ---- 2 Classification ---------------------------------------------------------------------

    @GetMapping("/scenarios/{id}/recommendation")
    Classifier.Recommendation recommendation(@PathVariable String id) {
        return catalog.recommendation(catalog.scenario(currentUser.get(), id));
    }

    @PostMapping("/scenarios/{id}/classification")
    @Operation(summary = "Accept the recommended mode, or override it with a reason (step 2)")
    Scenario classify(@PathVariable String id, @RequestBody Classification body) {
        return catalog.classify(currentUser.get(), id, body.mode(), body.reason());
    }

    // ---- 3 Design -----------------------------------------------------------------------------

    @PostMapping(value = "/scenarios/{id}/design", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload or replace the scenario's BPMN model; it is validated and stored with its report (step 3)")
    Design upload(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        Member me = currentUser.get();
        if (file.getSize() > CatalogService.MAX_BPMN_BYTES) {
            throw new CatalogService.ModelTooLargeException(file.getSize());
        }
        return catalog.upload(me, id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/scenarios/{id}/design")
    Design design(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        return catalog.currentDesign(id).orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("design of scenario", id));
    }

    @PostMapping("/scenarios/{id}/design/validation")
    @Operation(summary = "Validate the current design again, against the scenario's current mode")
    Design revalidate(@PathVariable String id) {
        return catalog.revalidate(currentUser.get(), id);
    }

    @GetMapping(value = "/scenarios/{id}/design/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] designBpmn(@PathVariable String id) {
        return catalog.bpmn(design(id).id());
    }

    @GetMapping(value = "/scenarios/{id}/design/diagram", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The current design drawn as PNG by Flowable's diagram generator; 409 when it has no BPMN DI")
    ResponseEntity<byte[]> diagram(@PathVariable String id) {
        byte[] bpmn = catalog.bpmn(design(id).id());
        var model = validator.model(bpmn).orElseThrow(() -> new io.clearflow.engine.api.ConflictException("the design cannot be read"));
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(DiagramRenderer.png(model));
        } catch (DiagramRenderer.NotDrawable e) {
            throw new io.clearflow.engine.api.ConflictException(e.getMessage());
        }
    }

    @PostMapping("/scenarios/{id}/drafts/{designId}/adoption")
    @Operation(summary = "Make an offered draft (e.g. from process mining) the current design")
    Design adopt(@PathVariable String id, @PathVariable long designId) {
        return catalog.adopt(currentUser.get(), id, designId);
    }

    @GetMapping("/scenarios/{id}/forms")
    List<StoredForm> forms(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        return forms.forms(id);
    }

    @GetMapping("/scenarios/{id}/forms/{activityId}")
    StoredForm form(@PathVariable String id, @PathVariable String activityId) {
        catalog.scenario(currentUser.get(), id);
        return forms.form(id, activityId);
    }

    @PutMapping("/scenarios/{id}/forms/{activityId}")
    @Operation(summary = "Attach or replace the form definition of a start event or user task")
    StoredForm saveForm(@PathVariable String id, @PathVariable String activityId, @RequestBody FormDefinition definition) {
        return forms.save(currentUser.get(), id, activityId, definition);
    }

    @DeleteMapping("/scenarios/{id}/forms/{activityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteForm(@PathVariable String id, @PathVariable String activityId) {
        forms.delete(currentUser.get(), id, activityId);
    }

    // ---- 4 Implementation ---------------------------------------------------------------------

    @PostMapping("/scenarios/{id}/publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the current design as the scenario's one active process (step 4)",
            description = "runningInstances: continue (instances of older versions finish there) or migrate (moved with "
                    + "Flowable's process migration where its validation allows; the outcome is returned)")
    ReleaseService.Publication publish(@PathVariable String id, @RequestBody PublishRequest body) {
        return releases.publish(currentUser.get(), id, body.runningInstances());
    }

    @PostMapping("/scenarios/{id}/migration")
    @Operation(summary = "Move running instances of older versions to the active version")
    List<ReleaseService.MigrationOutcome> migrate(@PathVariable String id) {
        return releases.migrateRunning(currentUser.get(), id);
    }

    @GetMapping("/scenarios/{id}/versions")
    @Operation(summary = "Published versions, newest first, each with what changed against the one before")
    List<Version> versions(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        return releases.versions(id);
    }

    // ---- 5 Improvement ------------------------------------------------------------------------

    @Idempotent
    @PostMapping("/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a case's process (1–5) with a comment; anyone who may see the case")
    Feedback feedback(@RequestBody FeedbackRequest body) {
        return improvements.give(currentUser.get(), body.caseId(), body.taskName(), body.rating(), body.comment());
    }

    @GetMapping("/feedback")
    List<Feedback> feedbackList(@RequestParam Optional<String> processKey) {
        Member me = currentUser.get();
        return processKey.map(k -> improvements.feedbackOn(me, k)).orElseGet(() -> improvements.allFeedback(me, 500));
    }

    @GetMapping("/scenarios/{id}/feedback")
    List<Feedback> scenarioFeedback(@PathVariable String id) {
        return improvements.feedbackOf(catalog.scenario(currentUser.get(), id));
    }

    @Idempotent
    @PostMapping("/scenarios/{id}/improvements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an improvement action linked to feedback and a metric")
    Improvement addImprovement(@PathVariable String id, @RequestBody ImprovementRequest body) {
        return improvements.addAction(currentUser.get(), id, body.title(), body.description(), body.metricRef(),
                body.feedbackIds());
    }

    @GetMapping("/scenarios/{id}/improvements")
    List<Improvement> improvements(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        return improvements.actions(id);
    }

    @PutMapping("/improvements/{actionId}/status")
    Improvement improvementStatus(@PathVariable long actionId, @RequestBody StatusRequest body) {
        return improvements.setStatus(currentUser.get(), actionId, body.status());
    }

    @GetMapping("/scenarios/{id}/audit")
    @Operation(summary = "Every change of the scenario: who, when, what; newest first")
    List<AuditEntry> audit(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        return audit.of(id);
    }
}
