package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the catalog's page actions answer: back to the scenario's page (feedback: to the task) with a
 * one-time message. The catalog shows a refusal as its text (with the field errors), an unreadable
 * model with its report. The text is put together here, in the language of the person who acted (the
 * one who reads it next): refusals are bundle keys, each field named by its label where it has one.
 */
@Component
class GovernanceFlash {

    static final String SCENARIO = "/governance/scenarios/";

    private final MessageSource messages;

    GovernanceFlash(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs an action on scenario {@code id} and goes back to its page with {@code done} or the refusal. */
    String act(RedirectAttributes redirect, String id, String done, Supplier<?> action) {
        return Flash.act(redirect, SCENARIO + id, done, action, this::refused);
    }

    /** As {@link #act}; a file over the size limit is refused before it is read, and the page opens at the design. */
    String upload(RedirectAttributes redirect, String id, Supplier<?> upload) {
        try {
            return act(redirect, id, "gov.flash.uploaded", upload);
        } catch (CatalogService.ModelTooLargeException e) {
            redirect.addFlashAttribute("flashErrorText", text(CatalogService.ModelTooLargeException.KEY, e.args()));
            return "redirect:" + SCENARIO + id + "#design";
        }
    }

    /** As {@link #act}; a refused form definition comes back as the owner typed it, not as stored. */
    String saveForm(RedirectAttributes redirect, String id, String activityId, String definition, Supplier<?> save) {
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
    String feedback(RedirectAttributes redirect, String caseId, String taskId, Runnable give) {
        try {
            give.run();
            redirect.addFlashAttribute("flash", "gov.flash.feedbackThanks");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("flashErrorText", text(e));
        }
        return taskId != null && taskId.matches("[A-Za-z0-9-]{1,64}") ? "redirect:/tasks/" + taskId : "redirect:/cases/" + caseId;
    }

    /** A refused action on a scenario: an unreadable model with its report, any other refusal as its text. */
    private void refused(RedirectAttributes redirect, RuntimeException e) {
        if (e instanceof CatalogService.UnreadableModelException unreadable) {
            // one message, in the reader's language: the file was not taken and the current design stands
            redirect.addFlashAttribute("flashError", "gov.upload.rejected");
            redirect.addFlashAttribute("rejectedReport", unreadable.report());
        } else {
            redirect.addFlashAttribute("flashErrorText", e instanceof InvalidRequestException i ? text(i)
                    : text(e.getMessage(), e instanceof ConflictException c ? c.args() : null));
        }
    }

    /** The refusal and its field errors ("message: field — text; …"); a message that is no bundle key stays as it is. */
    private String text(InvalidRequestException e) {
        String message = text(e.getMessage(), e.args());
        if (e.fieldErrors().isEmpty()) {
            return message;
        }
        return message + ": " + e.fieldErrors().entrySet().stream()
                .map(f -> label(f.getKey()) + " — " + text(f.getValue(), null))
                .collect(Collectors.joining("; "));
    }

    private String label(String field) {
        return messages.getMessage("gov.field." + field, null, field, LocaleContextHolder.getLocale());
    }

    private String text(String message, Object[] args) {
        return message == null ? null : messages.getMessage(message, args, message, LocaleContextHolder.getLocale());
    }
}
