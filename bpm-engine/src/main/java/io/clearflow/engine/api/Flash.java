package io.clearflow.engine.api;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused page action as the one-time message of the next page, always by bundle key so it is shown
 * in the reader's language (the shell renders a key without text as {@code ??key??}, which the page
 * tests catch): a conflict's key with its arguments, or one line per field error of a bad input.
 */
public final class Flash {

    private Flash() {
    }

    /**
     * Runs a page's POST action and redirects to {@code target}: on success {@code done} (a bundle key) is the next
     * page's one-time message; bad input or a conflict comes back as {@link #error}. The one helper of the page
     * controllers, so each handler stays one call.
     */
    public static String act(RedirectAttributes redirect, String target, String done, Supplier<?> action) {
        return act(redirect, target, done, action, Flash::error);
    }

    /** As {@link #act(RedirectAttributes, String, String, Supplier)}, with the page's own way of showing a refusal. */
    public static String act(RedirectAttributes redirect, String target, String done, Supplier<?> action,
                             BiConsumer<RedirectAttributes, RuntimeException> refused) {
        try {
            action.get();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidRequestException | ConflictException e) {
            refused.accept(redirect, e);
        }
        return "redirect:" + target;
    }

    public static void error(RedirectAttributes redirect, RuntimeException e) {
        if (e instanceof InvalidRequestException invalid && !invalid.fieldErrors().isEmpty()) {
            redirect.addFlashAttribute("flashErrors", List.copyOf(new java.util.LinkedHashSet<>(invalid.fieldErrors().values())));
        } else {
            redirect.addFlashAttribute("flashError", e.getMessage());
            Object[] args = e instanceof ConflictException conflict ? conflict.args()
                    : e instanceof InvalidRequestException refusal ? refusal.args() : new Object[0];
            if (args.length > 0) {
                redirect.addFlashAttribute("flashErrorArgs", args);
            }
        }
    }

    /**
     * A refused form whose page comes back by redirect: the refusal as {@link #error}, and the text the
     * person typed ({@code keptInput}, by field name) with each field's error key ({@code inputErrors}),
     * so the page shows the error next to the field and the text is not lost.
     */
    public static void refused(RedirectAttributes redirect, RuntimeException e, java.util.Map<String, String> typed) {
        if (e instanceof InvalidRequestException invalid && !invalid.fieldErrors().isEmpty()) {
            // one line on top; each field's own error stands next to it
            redirect.addFlashAttribute("flashError", invalid.fieldErrors().values().iterator().next());
        } else {
            error(redirect, e);
        }
        java.util.Map<String, String> kept = new java.util.HashMap<>();
        typed.forEach((field, text) -> {
            if (text != null) {
                kept.put(field, text);
            }
        });
        redirect.addFlashAttribute("keptInput", kept);
        if (e instanceof InvalidRequestException invalid) {
            redirect.addFlashAttribute("inputErrors", invalid.fieldErrors());
        }
    }
}
