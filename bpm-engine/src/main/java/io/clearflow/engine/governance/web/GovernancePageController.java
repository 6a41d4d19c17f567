package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.governance.bpmn.DiagramRenderer;
import io.clearflow.engine.governance.catalog.AuditTrail;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.Design;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.governance.catalog.GovernanceAccess;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.Scenario;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.governance.catalog.Vocabulary;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog's pages: the scenario list, registration, one page per scenario with its five steps, a validator. */
@Controller
class GovernancePageController {

    private final CatalogService catalog;
    private final FormService forms;
    private final ReleaseService releases;
    private final ImprovementService improvements;
    private final AuditTrail audit;
    private final GovernanceAccess access;
    private final BpmnValidator validator;
    private final OrgDirectory directory;
    private final CurrentUser currentUser;

    GovernancePageController(CatalogService catalog, FormService forms, ReleaseService releases,
                             ImprovementService improvements, AuditTrail audit, GovernanceAccess access,
                             BpmnValidator validator, OrgDirectory directory, CurrentUser currentUser) {
        this.catalog = catalog;
        this.forms = forms;
        this.releases = releases;
        this.improvements = improvements;
        this.audit = audit;
        this.access = access;
        this.validator = validator;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @GetMapping("/governance")
    String list(Model model) {
        Member me = currentUser.get();
        model.addAttribute("scenarios", catalog.scenarios(me));
        model.addAttribute("mayRegister", access.mayManage(me, me.department()));
        model.addAttribute("feedback", improvements.allFeedback(me, 20));
        return "governance/list";
    }

    @GetMapping("/governance/new")
    String newScenario(Model model) {
        Member me = currentUser.get();
        access.requireManage(me, me.department());
        model.addAttribute("form", new ScenarioInput(null, null, "regulation", null, me.department(), "internal", List.of()));
        vocabulary(model);
        return "governance/new";
    }

    @PostMapping("/governance/scenarios")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
                    @RequestParam(required = false) String sourceType, @RequestParam(required = false) String sourceReference,
                    @RequestParam(required = false) String ownerDepartment,
                    @RequestParam(required = false) String businessCategory,
                    @RequestParam(required = false) List<String> characteristics, Model model) {
        ScenarioInput input = new ScenarioInput(name, description, sourceType, sourceReference, ownerDepartment,
                businessCategory, characteristics);
        try {
            Scenario created = catalog.register(currentUser.get(), input);
            return "redirect:/governance/scenarios/" + created.id();
        } catch (InvalidRequestException e) {
            model.addAttribute("form", input);
            model.addAttribute("errors", e.fieldErrors());
            vocabulary(model);
            return "governance/new";
        }
    }

    @GetMapping("/governance/scenarios/{id}")
    String scenario(@PathVariable String id, Model model) {
        Member me = currentUser.get();
        Scenario scenario = catalog.scenario(me, id);
        model.addAttribute("scenario", scenario);
        model.addAttribute("mayManage", access.mayManage(me, scenario.ownerDepartment()));
        model.addAttribute("recommendation", catalog.recommendation(scenario));
        Design design = catalog.currentDesign(id).orElse(null);
        model.addAttribute("design", design);
        model.addAttribute("diagramProblem", design == null ? null : diagramProblem(catalog.bpmn(design.id())));
        model.addAttribute("drafts", catalog.offeredDrafts(id));
        model.addAttribute("formActivities", forms.formActivities(id));
        var storedForms = forms.forms(id);
        model.addAttribute("forms", storedForms);
        model.addAttribute("storedFormsJson", forms.definitionsJson(storedForms));
        model.addAttribute("versions", releases.versions(id));
        model.addAttribute("runningOnOlder", releases.runningOnOlderVersions(scenario));
        var feedback = improvements.feedbackOf(scenario);
        model.addAttribute("feedback", feedback);
        model.addAttribute("averageRating", feedback.isEmpty() ? null
                : feedback.stream().mapToInt(f -> f.rating()).average().orElse(0));
        model.addAttribute("actions", improvements.actions(id));
        model.addAttribute("audit", audit.of(id));
        vocabulary(model);
        return "governance/scenario";
    }

    @PostMapping("/governance/scenarios/{id}/suitability")
    String suitability(@PathVariable String id, @RequestParam boolean suitable,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, suitable ? "gov.flash.suitable" : "gov.flash.notSuitable",
                () -> catalog.setSuitability(currentUser.get(), id, suitable, reason), this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/classification")
    String classify(@PathVariable String id, @RequestParam(required = false) String mode,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.classified",
                () -> catalog.classify(currentUser.get(), id, mode, reason), this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/design")
    String upload(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file.getSize() > CatalogService.MAX_BPMN_BYTES) {
            redirect.addFlashAttribute("flashErrorText", new CatalogService.ModelTooLargeException(file.getSize()).getMessage());
            return "redirect:/governance/scenarios/" + id + "#design";
        }
        byte[] bytes = file.getBytes();
        return Flash.act(redirect, SCENARIO + id, "gov.flash.uploaded",
                () -> catalog.upload(currentUser.get(), id, file.getOriginalFilename(), bytes), this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/validation")
    String revalidate(@PathVariable String id, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.validated",
                () -> catalog.revalidate(currentUser.get(), id), this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/drafts/{designId}/adoption")
    String adopt(@PathVariable String id, @PathVariable long designId, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.adopted",
                () -> catalog.adopt(currentUser.get(), id, designId), this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/forms")
    String saveForm(@PathVariable String id, @RequestParam String activityId, @RequestParam String definition,
                    RedirectAttributes redirect) {
        String view = Flash.act(redirect, SCENARIO + id, "gov.flash.formSaved",
                () -> forms.save(currentUser.get(), id, activityId, forms.parse(definition)), this::refused);
        if (!redirect.getFlashAttributes().containsKey("flash")) {
            // refused: the page shows the owner's definition again instead of the stored one
            redirect.addFlashAttribute("formDraft", new FormDraft(activityId, definition));
        }
        return view;
    }

    /** A form definition the server refused, shown again for correction. */
    public record FormDraft(String activityId, String definition) { }

    @PostMapping("/governance/scenarios/{id}/publication")
    String publish(@PathVariable String id, @RequestParam(required = false) String runningInstances,
                   RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.published", () -> {
            var publication = releases.publish(currentUser.get(), id, runningInstances);
            String notMigrated = publication.migrations().stream().filter(m -> m.instances() > 0 && !m.migrated())
                    .map(m -> m.instances() + " × " + m.fromDefinitionId() + ": " + String.join(" | ", m.messages()))
                    .collect(Collectors.joining("; "));
            if (!notMigrated.isEmpty()) {
                redirect.addFlashAttribute("migrationProblems", notMigrated);
            }
            return publication;
        }, this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/migration")
    String migrate(@PathVariable String id, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.migrated", () -> {
            var outcomes = releases.migrateRunning(currentUser.get(), id);
            String notMigrated = outcomes.stream().filter(m -> m.instances() > 0 && !m.migrated())
                    .map(m -> m.instances() + " × " + m.fromDefinitionId() + ": " + String.join(" | ", m.messages()))
                    .collect(Collectors.joining("; "));
            if (!notMigrated.isEmpty()) {
                redirect.addFlashAttribute("migrationProblems", notMigrated);
            }
            return outcomes;
        }, this::refused);
    }

    @PostMapping("/governance/scenarios/{id}/improvements")
    String addImprovement(@PathVariable String id, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String description,
                          @RequestParam(required = false) String metricRef,
                          @RequestParam(required = false) List<Long> feedbackIds, RedirectAttributes redirect) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.improvementAdded",
                () -> improvements.addAction(currentUser.get(), id, title, description, metricRef, feedbackIds),
                this::refused);
    }

    @PostMapping("/governance/improvements/{actionId}/status")
    String improvementStatus(@PathVariable long actionId, @RequestParam String status, RedirectAttributes redirect) {
        String scenarioId = improvements.action(actionId).scenarioId();
        return Flash.act(redirect, SCENARIO + scenarioId, "gov.flash.improvementUpdated",
                () -> improvements.setStatus(currentUser.get(), actionId, status), this::refused);
    }

    @GetMapping(value = "/governance/scenarios/{id}/diagram.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> diagram(@PathVariable String id) {
        catalog.scenario(currentUser.get(), id);
        Design design = catalog.currentDesign(id).orElseThrow(() -> new NotFoundException("design of scenario", id));
        var model = validator.model(catalog.bpmn(design.id())).orElseThrow(() -> new NotFoundException("diagram", id));
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(DiagramRenderer.png(model));
        } catch (DiagramRenderer.NotDrawable e) {
            throw new NotFoundException("diagram", id);
        }
    }

    /** Feedback from the task page's box; back to the task afterwards. */
    @PostMapping("/governance/feedback")
    String feedback(@RequestParam String caseId, @RequestParam(required = false) String taskId,
                    @RequestParam(required = false) String taskName, @RequestParam(required = false) Integer rating,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            improvements.give(currentUser.get(), caseId, taskName, rating, comment);
            redirect.addFlashAttribute("flash", "gov.flash.feedbackThanks");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("flashErrorText", text(e));
        }
        return taskId != null && taskId.matches("[A-Za-z0-9-]{1,64}") ? "redirect:/tasks/" + taskId : "redirect:/cases/" + caseId;
    }

    @GetMapping("/governance/validate")
    String validatePage(Model model) {
        access.requireValidate(currentUser.get());
        model.addAttribute("modes", Vocabulary.MODES);
        return "governance/validate";
    }

    @PostMapping("/governance/validate")
    String validate(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode, Model model)
            throws IOException {
        access.requireValidate(currentUser.get());
        ValidationReport report = file.getSize() > CatalogService.MAX_BPMN_BYTES
                ? ValidationReport.of(List.of(ValidationReport.Finding.of(null, "gov.finding.tooLarge",
                        new CatalogService.ModelTooLargeException(file.getSize()).getMessage(),
                        String.valueOf(CatalogService.MAX_BPMN_BYTES / 1024))), List.of(), null, null)
                : validator.validate(file.getBytes(), mode != null && Vocabulary.MODES.contains(mode) ? mode : null);
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("modes", Vocabulary.MODES);
        return "governance/validate";
    }

    private static final String SCENARIO = "/governance/scenarios/";

    /** A refused action on a scenario: an unreadable model with its report, any other refusal as its text. */
    private void refused(RedirectAttributes redirect, RuntimeException e) {
        if (e instanceof CatalogService.UnreadableModelException unreadable) {
            // one message, in the reader's language: the file was not taken and the current design stands
            redirect.addFlashAttribute("flashError", "gov.upload.rejected");
            redirect.addFlashAttribute("rejectedReport", unreadable.report());
        } else {
            redirect.addFlashAttribute("flashErrorText", e instanceof InvalidRequestException i ? text(i) : e.getMessage());
        }
    }

    private static String text(InvalidRequestException e) {
        if (e.fieldErrors().isEmpty()) {
            return e.getMessage();
        }
        return e.getMessage() + ": " + e.fieldErrors().entrySet().stream().map(f -> f.getKey() + " — " + f.getValue())
                .collect(Collectors.joining("; "));
    }

    private String diagramProblem(byte[] bpmn) {
        var model = validator.model(bpmn);
        if (model.isEmpty()) {
            return "gov.design.diagram.unreadable";
        }
        return model.get().getLocationMap().isEmpty() ? "gov.design.diagram.noDi" : null;
    }

    private void vocabulary(Model model) {
        model.addAttribute("sources", Vocabulary.SOURCES);
        model.addAttribute("categories", Vocabulary.CATEGORIES);
        model.addAttribute("modes", Vocabulary.MODES);
        model.addAttribute("characteristicsByMode", Vocabulary.MODES.stream()
                .collect(Collectors.toMap(m -> m, Vocabulary.CHARACTERISTICS_BY_MODE::get, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        model.addAttribute("improvementStates", Vocabulary.IMPROVEMENT_STATES);
    }
}
