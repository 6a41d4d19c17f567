package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the catalog's page actions answer: back to the scenario's page (feedback: to the task) with a
 * one-time message. The catalog shows a refusal as its text (with the field errors), an unreadable
 * model with its report.
 */
final class GovernanceFlash {

    static final String SCENARIO = "/governance/scenarios/";

    private GovernanceFlash() {
    }

    /** Runs an action on scenario {@code id} and goes back to its page with {@code done} or the refusal. */
    static String act(RedirectAttributes redirect, String id, String done, Supplier<?> action) {
        return Flash.act(redirect, SCENARIO + id, done, action, GovernanceFlash::refused);
    }

    /** As {@link #act}; a file over the size limit is refused before it is read, and the page opens at the design. */
    static String upload(RedirectAttributes redirect, String id, Supplier<?> upload) {
        try {
            return act(redirect, id, "gov.flash.uploaded", upload);
        } catch (CatalogService.ModelTooLargeException e) {
            redirect.addFlashAttribute("flashErrorText", e.getMessage());
            return "redirect:" + SCENARIO + id + "#design";
        }
    }

    /** As {@link #act}; a refused form definition comes back as the owner typed it, not as stored. */
    static String saveForm(RedirectAttributes redirect, String id, String activityId, String definition, Supplier<?> save) {
        return Flash.act(redirect, SCENARIO + id, "gov.flash.formSaved", save, (r, e) -> {
            refused(r, e);
            r.addFlashAttribute("formDraft", new FormDraft(activityId, definition));
        });
    }

    /** A form definition the server refused, shown again for correction. */
    public record FormDraft(String activityId, String definition) { }

    /** Instances a publication or migration could not move, as one line above the page. */
    static <T> T keepMigrationProblems(RedirectAttributes redirect, T result, List<ReleaseService.MigrationOutcome> outcomes) {
        String notMigrated = outcomes.stream().filter(m -> m.instances() > 0 && !m.migrated())
                .map(m -> m.instances() + " × " + m.fromDefinitionId() + ": " + String.join(" | ", m.messages()))
                .collect(Collectors.joining("; "));
        if (!notMigrated.isEmpty()) {
            redirect.addFlashAttribute("migrationProblems", notMigrated);
        }
        return result;
    }

    /** Feedback from the task page's box goes back to the task, or to the case when the task id is not one. */
    static String feedback(RedirectAttributes redirect, String caseId, String taskId, Runnable give) {
        try {
            give.run();
            redirect.addFlashAttribute("flash", "gov.flash.feedbackThanks");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("flashErrorText", text(e));
        }
        return taskId != null && taskId.matches("[A-Za-z0-9-]{1,64}") ? "redirect:/tasks/" + taskId : "redirect:/cases/" + caseId;
    }

    /** A refused action on a scenario: an unreadable model with its report, any other refusal as its text. */
    private static void refused(RedirectAttributes redirect, RuntimeException e) {
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
}
