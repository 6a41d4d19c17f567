package io.clearflow.delivery.change;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
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
 * 变更单 pages: the list (emergency changes still missing approvals in red), the form, and a change's page with
 * its approvals, why the reader cannot approve when they cannot, and the ops actions. The task page of an
 * approval step (and of a test submission's step) links here.
 */
@Controller
class ChangePageController implements CaseDetailContributor {

    static final List<String> FORM_FIELDS = List.of("testSubmissionId", "risk", "window", "rollbackPlan",
            "deploymentSteps", "affectedSystems", "firstCommitAt", "complianceRelevant", "emergency");

    private final ChangeService service;
    private final SubmissionService submissions;
    private final Validator validator;
    private final CurrentUser currentUser;

    ChangePageController(ChangeService service, SubmissionService submissions, Validator validator, CurrentUser currentUser) {
        this.service = service;
        this.submissions = submissions;
        this.validator = validator;
        this.currentUser = currentUser;
    }

    @GetMapping("/delivery/changes")
    @PreAuthorize(DeliveryAccess.READ)
    String list(Model model) {
        model.addAttribute("changes", service.latest(100));
        return "delivery/changes";
    }

    @GetMapping("/delivery/changes/new")
    @PreAuthorize(DeliveryAccess.RAISE_CHANGE)
    String form(@RequestParam(required = false) String testSubmissionId, Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("testSubmissionId", testSubmissionId == null ? "" : testSubmissionId);
        values.put("risk", "medium");
        model.addAttribute("values", values);
        model.addAttribute("errors", Map.of());
        return "delivery/change-new";
    }

    /** Checked as the API checks it; refused input comes back with what was typed and an error under each field. */
    @PostMapping("/delivery/changes")
    @PreAuthorize(DeliveryAccess.RAISE_CHANGE)
    String raise(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> values = new HashMap<>();
        FORM_FIELDS.forEach(f -> values.put(f, params.getOrDefault(f, "")));
        Map<String, String> errors = new HashMap<>();
        Long submission = null;
        try {
            submission = Long.valueOf(values.get("testSubmissionId").strip());
        } catch (NumberFormatException e) {
            errors.put("testSubmissionId", "delivery.submission.error.id");
        }
        Instant firstCommit = null;
        if (!values.get("firstCommitAt").isBlank()) {
            try {
                firstCommit = Instant.parse(values.get("firstCommitAt").strip());
            } catch (DateTimeParseException e) {
                errors.put("firstCommitAt", "delivery.change.error.instant");
            }
        }
        List<String> affected = values.get("affectedSystems").isBlank() ? List.of()
                : Arrays.stream(values.get("affectedSystems").split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        NewChange input = new NewChange(submission, values.get("risk"), values.get("window"), values.get("rollbackPlan"),
                affected, values.get("deploymentSteps"), "true".equals(values.get("complianceRelevant")),
                "true".equals(values.get("emergency")), firstCommit);
        validator.validate(input).forEach(v -> {
            String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.putIfAbsent(field.startsWith("affectedSystems") ? "affectedSystems" : field, v.getMessage());
        });
        if (errors.isEmpty()) {
            try {
                return "redirect:/delivery/changes/" + service.raise(currentUser.get(), input).id();
            } catch (NotFoundException e) {
                errors.put("testSubmissionId", "delivery.submission.error.unknown");
            } catch (ConflictException e) {
                model.addAttribute("flashError", e.getMessage());
                model.addAttribute("flashErrorArgs", e.args());
            } catch (InvalidRequestException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "delivery/change-new";
    }

    @GetMapping("/delivery/changes/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", service.detail(currentUser.get(), id));
        return "delivery/change";
    }

    @PostMapping("/delivery/changes/{id}/approve")
    @PreAuthorize(DeliveryAccess.DECIDE)
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.approve(currentUser.get(), id, comment), "delivery.change.approved");
    }

    @PostMapping("/delivery/changes/{id}/reject")
    @PreAuthorize(DeliveryAccess.DECIDE)
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.reject(currentUser.get(), id, comment), "delivery.change.rejected");
    }

    @PostMapping("/delivery/changes/{id}/deploy")
    @PreAuthorize(DeliveryAccess.DEPLOY)
    String deploy(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.deploy(currentUser.get(), id), "delivery.change.deploying");
    }

    @PostMapping("/delivery/changes/{id}/close")
    @PreAuthorize(DeliveryAccess.DEPLOY)
    String close(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.close(currentUser.get(), id, comment), "delivery.change.closed");
    }

    /** The task and case pages of a change's or a submission's step link to its page, where the step is done. */
    @Override
    public void contribute(CaseView caseView, Model model) {
        if (ChangeService.PROCESS_KEY.equals(caseView.processKey())) {
            service.forCase(caseView.id()).ifPresent(c -> model.addAttribute("moduleLink",
                    new ModuleLink("/delivery/changes/" + c.id(), "delivery.change.openPage")));
        } else if (SubmissionService.PROCESS_KEY.equals(caseView.processKey()) && caseView.businessKey() != null
                && caseView.businessKey().startsWith("TS-")) {
            model.addAttribute("moduleLink", new ModuleLink("/delivery/test-submissions/"
                    + caseView.businessKey().substring(3), "delivery.submission.openPage"));
        }
    }

    /** A link from the shell's task page to the module page that does the step. */
    public record ModuleLink(String path, String label) { }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action, String ok) {
        return DeliveryFlash.act(redirect, "/delivery/changes/" + id, ok, action);
    }
}
