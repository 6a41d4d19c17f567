package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.governance.bpmn.BpmnValidator;
import io.clearflow.engine.governance.catalog.AuditTrail;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.Design;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.governance.catalog.GovernanceAccess;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.Scenario;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.governance.catalog.Vocabulary;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the catalog's pages show: the model attributes of the list, the registration form and a scenario's page. */
@Component
class ScenarioPageModel {

    private final CatalogService catalog;
    private final FormService forms;
    private final ReleaseService releases;
    private final ImprovementService improvements;
    private final AuditTrail audit;
    private final GovernanceAccess access;
    private final ScenarioReads reads;
    private final BpmnValidator validator;
    private final OrgDirectory directory;

    ScenarioPageModel(CatalogService catalog, FormService forms, ReleaseService releases, ImprovementService improvements,
                      AuditTrail audit, GovernanceAccess access, ScenarioReads reads, BpmnValidator validator,
                      OrgDirectory directory) {
        this.catalog = catalog;
        this.forms = forms;
        this.releases = releases;
        this.improvements = improvements;
        this.audit = audit;
        this.access = access;
        this.reads = reads;
        this.validator = validator;
        this.directory = directory;
    }

    void list(Model model, Member me) {
        model.addAttribute("scenarios", catalog.scenarios(me));
        model.addAttribute("mayRegister", access.mayManage(me, me.department()));
        model.addAttribute("feedback", improvements.allFeedback(me, 20));
    }

    void newScenario(Model model, Member me) {
        access.requireManage(me, me.department());
        model.addAttribute("form", new ScenarioInput(null, null, "regulation", null, me.department(), "internal", List.of()));
        vocabulary(model);
    }

    /** Registers the scenario and goes to its page, or shows the form again with the refusals by field. */
    String register(Model model, Member me, ScenarioInput input) {
        try {
            return "redirect:/governance/scenarios/" + catalog.register(me, input).id();
        } catch (InvalidRequestException e) {
            model.addAttribute("form", input);
            model.addAttribute("errors", e.fieldErrors());
            vocabulary(model);
            return "governance/new";
        }
    }

    void scenario(Model model, Member me, String id) {
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
    }

    /** The design's diagram for the page's image; a design that cannot be drawn is simply not found. */
    ResponseEntity<byte[]> diagram(Member me, String id) {
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(reads.diagram(me, id));
        } catch (ConflictException e) {
            throw new NotFoundException("diagram", id);
        }
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
                .collect(Collectors.toMap(m -> m, Vocabulary.CHARACTERISTICS_BY_MODE::get, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        model.addAttribute("improvementStates", Vocabulary.IMPROVEMENT_STATES);
    }
}
