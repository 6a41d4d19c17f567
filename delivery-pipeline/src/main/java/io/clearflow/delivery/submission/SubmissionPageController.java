package io.clearflow.delivery.submission;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 提测单 pages: the list with the submission form, and a submission's page with its gates and actions. */
@Controller
class SubmissionPageController {

    private final SubmissionService service;
    private final CurrentUser currentUser;
    private final SubmissionFormOptions options;

    SubmissionPageController(SubmissionService service, CurrentUser currentUser, SubmissionFormOptions options) {
        this.service = service;
        this.currentUser = currentUser;
        this.options = options;
    }

    @GetMapping("/delivery/test-submissions")
    @PreAuthorize(DeliveryAccess.READ)
    String list(@RequestParam(required = false) String versionId, @RequestParam(required = false) String artifactId,
                Model model) {
        model.addAttribute("submissions", service.latest(100));
        if (!model.containsAttribute("values")) {
            Map<String, String> values = new HashMap<>();
            values.put("versionId", versionId);
            values.put("artifactId", artifactId);
            model.addAttribute("values", values);
            model.addAttribute("errors", Map.of());
        }
        formOptions(model);
        return "delivery/submissions";
    }

    /** Versions to pick from and, once one is chosen (by the picker or the version page's link), its artifacts. */
    @SuppressWarnings("unchecked")
    private void formOptions(Model model) {
        String chosen = ((Map<String, String>) model.getAttribute("values")).get("versionId");
        var version = chosen != null && chosen.matches("\\d{1,18}") ? options.version(Long.parseLong(chosen))
                : Optional.<SubmissionFormOptions.VersionOption>empty();
        model.addAttribute("versionOptions", options.recentVersions());
        model.addAttribute("chosenVersion", version.orElse(null));
        model.addAttribute("artifactOptions", version.map(v -> options.artifactsOf(v.id())).orElse(List.of()));
    }

    /** Wrong input comes back next to its field with what was typed; a refused gate shows every rule. */
    @PostMapping("/delivery/test-submissions")
    @PreAuthorize(DeliveryAccess.DEVELOP)
    String submit(@RequestParam(required = false) String versionId, @RequestParam(required = false) String artifactId,
                  Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("versionId", versionId == null ? "" : versionId);
        values.put("artifactId", artifactId == null ? "" : artifactId);
        Map<String, String> errors = new HashMap<>();
        Long version = id(versionId, "versionId", errors);
        Long artifact = id(artifactId, "artifactId", errors);
        if (errors.isEmpty()) {
            try {
                SubmissionService.Outcome outcome = service.submit(currentUser.get(), version, artifact);
                if (!outcome.refused()) {
                    return "redirect:/delivery/test-submissions/" + outcome.submission().id();
                }
                model.addAttribute("refusedGate", outcome.gate());
            } catch (NotFoundException e) {
                errors.put(e.getMessage().startsWith("version") ? "versionId" : "artifactId", "delivery.submission.error.unknown");
            } catch (InvalidRequestException e) {
                errors.putAll(e.fieldErrors());
            } catch (ConflictException e) {
                errors.put("artifactId", e.getMessage());
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return list(null, null, model);
    }

    @GetMapping("/delivery/test-submissions/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", service.detail(id));
        return "delivery/submission";
    }

    @PostMapping("/delivery/test-submissions/{id}/accept")
    @PreAuthorize(DeliveryAccess.TEST)
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.accept(currentUser.get(), id), "delivery.submission.accepted");
    }

    @PostMapping("/delivery/test-submissions/{id}/complete")
    @PreAuthorize(DeliveryAccess.TEST)
    String complete(@PathVariable long id, @RequestParam(required = false) Boolean passed,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        if (passed == null) {
            redirect.addFlashAttribute("flashError", "delivery.submission.error.verdict");
            return "redirect:/delivery/test-submissions/" + id;
        }
        return act(id, redirect, () -> service.complete(currentUser.get(), id, passed, comment),
                passed ? "delivery.submission.passed" : "delivery.submission.failed");
    }

    @PostMapping("/delivery/test-submissions/{id}/qc-review")
    @PreAuthorize(DeliveryAccess.QC_REVIEW)
    String qcReview(@PathVariable long id, @RequestParam(required = false) Boolean approved,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (approved == null) {
            redirect.addFlashAttribute("flashError", "delivery.submission.error.qcDecision");
            return "redirect:/delivery/test-submissions/" + id;
        }
        return act(id, redirect, () -> service.qcReview(currentUser.get(), id, approved, reason),
                approved ? "delivery.submission.qcApproved" : "delivery.submission.qcSentBack");
    }

    @PostMapping("/delivery/test-submissions/{id}/send-back")
    @PreAuthorize(DeliveryAccess.TEST)
    String sendBack(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.sendBack(currentUser.get(), id, reason), "delivery.submission.sentBack");
    }

    @PostMapping("/delivery/test-submissions/{id}/resubmit")
    @PreAuthorize(DeliveryAccess.DEVELOP)
    String resubmit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            SubmissionService.Outcome outcome = service.resubmit(currentUser.get(), id);
            if (outcome.refused()) {
                redirect.addFlashAttribute("refusedGate", outcome.gate());
                throw new InvalidRequestException("delivery.submission.error.entryFailed");
            }
            return outcome;
        }, "delivery.submission.resubmitted");
    }

    @PostMapping("/delivery/test-submissions/{id}/withdraw")
    @PreAuthorize(DeliveryAccess.DEVELOP)
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.withdraw(currentUser.get(), id, reason), "delivery.submission.withdrawn");
    }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action, String ok) {
        return DeliveryFlash.act(redirect, "/delivery/test-submissions/" + id, ok, action);
    }

    private static Long id(String value, String field, Map<String, String> errors) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the field error
        }
        errors.put(field, "delivery.submission.error.id");
        return null;
    }
}
