package io.clearflow.engine.web;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages: a readable page in the user's language instead of a stack trace, inside the usual
 * shell (navigation bar, the signed-in person) so they can go on from there. Exception handlers get no
 * {@code @ModelAttribute}s, so the shell's model is added here; Boot's error controller (500, and the
 * security chain's refusals) gets it from {@link ShellModelAdvice} like any page.
 *
 * <p>Someone else's task and someone else's case answer alike, 404 "not found or not yours": a 403 for
 * one and a 404 for the other would tell an outsider which ids exist.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

    private final ShellModelAdvice shell;
    private final MessageSource messages;

    PageExceptionAdvice(ShellModelAdvice shell, MessageSource messages) {
        this.shell = shell;
        this.messages = messages;
    }

    /** A role or department refusal the services raise (e.g. starting another department's process). */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ModelAndView forbidden(RuntimeException e, jakarta.servlet.http.HttpServletRequest request) {
        return shell.addTo(page(HttpStatus.FORBIDDEN, "error.forbidden"), request);
    }

    @ExceptionHandler({NotFoundException.class, FlowableObjectNotFoundException.class})
    ModelAndView notFound(RuntimeException e, jakarta.servlet.http.HttpServletRequest request) {
        return shell.addTo(page(HttpStatus.NOT_FOUND, "error.notFound"), request);
    }

    @ExceptionHandler({ConflictException.class, FlowableOptimisticLockingException.class})
    ModelAndView conflict(RuntimeException e, jakarta.servlet.http.HttpServletRequest request) {
        return shell.addTo(page(HttpStatus.CONFLICT, "error.conflict"), request);
    }

    /** A page request with a bad parameter (a negative page, an over-long search): 400 saying which, nothing changed. */
    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView badRequest(InvalidRequestException e, jakarta.servlet.http.HttpServletRequest request) {
        ModelAndView page = page(HttpStatus.BAD_REQUEST, "error.badRequest");
        page.addObject("details", e.fieldErrors().isEmpty() ? java.util.List.of(text(e.getMessage(), e.args()))
                : e.fieldErrors().entrySet().stream().map(f -> f.getKey() + ": " + text(f.getValue(), null)).toList());
        return shell.addTo(page, request);
    }

    /** A message that is a bundle key, in the reader's language (as the API's problem details); other text as it is. */
    private String text(String message, Object[] args) {
        return message == null ? null : messages.getMessage(message, args, message, LocaleContextHolder.getLocale());
    }

    private static ModelAndView page(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }
}
