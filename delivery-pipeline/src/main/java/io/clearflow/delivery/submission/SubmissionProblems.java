package io.clearflow.delivery.submission;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details of the submission and change API that the shared handler cannot give: a refused entry gate
 * (422 carrying the gate) in the caller's language. Everything else, 403s included, goes to the engine's
 * {@code ApiExceptionHandler}.
 */
@RestControllerAdvice(basePackages = {"io.clearflow.delivery.submission", "io.clearflow.delivery.change"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SubmissionProblems {

    private final MessageSource messages;

    SubmissionProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(GateRefusedException.class)
    ProblemDetail refused(GateRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, text(e.getMessage()));
        problem.setProperty("gate", e.gate());
        return problem;
    }

    private String text(String message) {
        return message == null ? null : messages.getMessage(message, null, message, LocaleContextHolder.getLocale());
    }
}
