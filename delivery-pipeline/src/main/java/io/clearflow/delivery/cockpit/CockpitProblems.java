package io.clearflow.delivery.cockpit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The cockpit API's department refusal in the caller's language: {@link CockpitAccess} names a bundle key, which
 * the shared handler would print as it is. Only the API controller: the cockpit pages answer the platform's 403 page.
 */
@RestControllerAdvice(assignableTypes = CockpitController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CockpitProblems {

    private final MessageSource messages;

    CockpitProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        String message = e.getMessage();
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                message == null ? null : messages.getMessage(message, null, message, LocaleContextHolder.getLocale()));
    }
}
