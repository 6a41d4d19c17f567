package io.clearflow.delivery.project;

import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 项目 pages: the list with filters and the create form (checked as the API checks it, the input kept on a refusal),
 * and a project's page: its milestone with complete / send back for whoever holds it, the drill-down to versions,
 * their submissions, changes, deployments and demands, budget vs actual, and the forms of the stage it is in.
 */
@Controller
class ProjectPageController {

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final ProjectLifecycle lifecycle;
    private final ProjectWork work;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final WorkService engineWork;
    private final Validator validator;
    private final CurrentUser currentUser;
    private final ProjectReaders readers;

    ProjectPageController(ProjectService projects, ProjectQueries queries, ProjectLifecycle lifecycle, ProjectWork work,
                          SystemCatalog systems, OrgDirectory directory, WorkService engineWork, Validator validator,
                          CurrentUser currentUser, ProjectReaders readers) {
        this.projects = projects;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.work = work;
        this.systems = systems;
        this.directory = directory;
        this.engineWork = engineWork;
        this.validator = validator;
        this.currentUser = currentUser;
        this.readers = readers;
    }

    @GetMapping("/delivery/projects")
    @PreAuthorize(ProjectAccess.READ)
    String list(@RequestParam(required = false) String department, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String system, Model model) {
        model.addAttribute("projects", queries.list(currentUser.get(), department, ProjectStage.ofCode(stage == null ? "" : stage)
                .map(ProjectStage::code).orElse(null), system));
        model.addAttribute("filter", Map.of("department", department == null ? "" : department,
                "stage", stage == null ? "" : stage, "system", system == null ? "" : system));
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        model.addAttribute("systems", systems.systems());
        model.addAttribute("stages", Arrays.stream(ProjectStage.values()).map(ProjectStage::code).toList());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
            model.addAttribute("chosenSystems", List.of());
            model.addAttribute("errors", Map.of());
        }
        return "delivery/projects";
    }

    /** The create form: Bean Validation of {@link NewProject} as on the API, then the service's own checks. */
    @PostMapping("/delivery/projects")
    @PreAuthorize(ProjectAccess.CREATE)
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String department,
                  @RequestParam(required = false) List<String> systems, Model model) {
        NewProject input = new NewProject(name, department, systems == null ? List.of() : systems);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<NewProject> v : validator.validate(input)) {
            errors.putIfAbsent(v.getPropertyPath().toString().replaceAll("\\[.*", ""), v.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                return "redirect:/delivery/projects/" + projects.create(currentUser.get(), input).id();
            } catch (InvalidRequestException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("department", department == null ? "" : department);
        model.addAttribute("values", values);
        model.addAttribute("chosenSystems", input.systems());
        model.addAttribute("errors", errors);
        return list(null, null, null, model);
    }

    @GetMapping("/delivery/projects/{id}")
    @PreAuthorize(ProjectAccess.READ)
    String detail(@PathVariable long id, Model model) {
        Member me = currentUser.get();
        ProjectQueries.Detail d = queries.detail(me, id);
        model.addAttribute("p", d);
        model.addAttribute("myStep", d.openStep() != null && inInbox(me, projects.project(id)));
        model.addAttribute("sendBackable", d.openStep() != null && ProjectLifecycle.SEND_BACK_TO.containsKey(d.openStep()));
        model.addAttribute("commerceSteps", List.of("budgetFiling", "procurement", "tender", "contract",
                "contractAcceptance", "payment"));
        model.addAttribute("mayAnswer", List.of("acceptance", "operation").contains(d.stage()) && d.acceptedAt() != null
                && d.requestingDepartments().contains(directory.unitNames().getOrDefault(me.department(), me.department())));
        return "delivery/project";
    }

    @PostMapping("/delivery/projects/{id}/advance")
    @PreAuthorize(ProjectAccess.MILESTONE)
    String advance(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return stayIfReadable(id, act(id, redirect, "delivery.project.advanced",
                () -> lifecycle.advance(currentUser.get(), id, comment)));
    }

    @PostMapping("/delivery/projects/{id}/send-back")
    @PreAuthorize(ProjectAccess.MILESTONE)
    String sendBack(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return stayIfReadable(id, act(id, redirect, "delivery.project.sentBack",
                () -> lifecycle.sendBack(currentUser.get(), id, reason)));
    }

    @PostMapping("/delivery/projects/{id}/cancel")
    @PreAuthorize(ProjectAccess.MANAGE)
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.cancelled", () -> lifecycle.cancel(currentUser.get(), id, reason));
    }

    @PostMapping("/delivery/projects/{id}/evaluation")
    @PreAuthorize(ProjectAccess.MANAGE)
    String evaluate(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.saved", () -> work.evaluate(currentUser.get(), id,
                new ProjectWork.Evaluation(form.get("businessValue"), decimal(form, "estimatedCost"),
                        decimal(form, "budget"), decimal(form, "expectedBenefit"))));
    }

    @PostMapping("/delivery/projects/{id}/decisions")
    @PreAuthorize(ProjectAccess.DECIDE)
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.saved", () -> {
            work.decide(currentUser.get(), id, new ProjectWork.Decision(form.get("decision"), form.get("reason"),
                    form.get("alternatives")));
            return id;
        });
    }

    @PostMapping("/delivery/projects/{id}/commerce")
    @PreAuthorize(ProjectAccess.MANAGE)
    String commerce(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.saved", () -> {
            work.commerce(currentUser.get(), id, new ProjectWork.CommerceStep(form.get("step"), decimal(form, "amount"),
                    date(form, "occurredOn"), form.get("documents"), form.get("note")));
            return id;
        });
    }

    @PostMapping("/delivery/projects/{id}/versions")
    @PreAuthorize(ProjectAccess.MANAGE)
    String link(@PathVariable long id, @RequestParam(required = false) String versionId, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.saved", () -> {
            work.linkVersion(currentUser.get(), id, number(versionId));
            return id;
        });
    }

    @PostMapping("/delivery/projects/{id}/survey")
    @PreAuthorize(ProjectAccess.SURVEY)
    String survey(@PathVariable long id, @RequestParam(required = false) String score,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.answered", () -> {
            Long s = number(score);
            return work.answerSurvey(currentUser.get(), id, s == null || s > 100 ? null : s.intValue(), comment);
        });
    }

    @PostMapping("/delivery/projects/{id}/operation")
    @PreAuthorize(ProjectAccess.MANAGE)
    String operation(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "delivery.project.saved", () -> {
            work.operation(currentUser.get(), id, new ProjectWork.Operation(form.get("period"), decimal(form, "cost"),
                    decimal(form, "realisedValue"), form.get("note")));
            return id;
        });
    }

    private boolean inInbox(Member me, Project project) {
        return lifecycle.openTaskId(project).map(taskId -> {
            try {
                engineWork.task(me, taskId);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }).orElse(false);
    }

    /**
     * A process owner who approved or sent back another department's project no longer has a part in it once the step
     * moved on: back to the list (with the flash) rather than to a page that now answers 404.
     */
    private String stayIfReadable(long id, String redirect) {
        return readers.mayRead(currentUser.get(), projects.project(id)) ? redirect : "redirect:/delivery/projects";
    }

    private static String act(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
        return DeliveryFlash.act(redirect, "/delivery/projects/" + id, done, action);
    }

    private static BigDecimal decimal(Map<String, String> form, String field) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ProjectWork.invalid(field, "delivery.project.error.amount");
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProjectWork.invalid(field, "delivery.project.error.date");
        }
    }

    private static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L; // answered as the unknown id or the out-of-range score it is
        }
    }
}
