package io.clearflow.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The delivery API's own problem details, ahead of the platform's handler: 422 for input that names
 * something unknown, 413 for oversized artifacts, 500 for a corrupted store file.
 */
@RestControllerAdvice(basePackages = "io.clearflow.delivery")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

    private final MessageSource messages;

    DeliveryProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, text(e.getMessage(), null));
        if (!e.fieldErrors().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(field, text(message, null)));
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    @ExceptionHandler(ArtifactTooLargeException.class)
    ProblemDetail tooLarge(ArtifactTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                text(e.getMessage(), new Object[] {e.limitBytes()}));
        problem.setType(URI.create("urn:clearflow:delivery:artifact-too-large"));
        problem.setProperty("limitBytes", e.limitBytes());
        return problem;
    }

    @ExceptionHandler(ArtifactCorruptedException.class)
    ProblemDetail corrupted(ArtifactCorruptedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setTitle("artifact corrupted");
        problem.setType(URI.create("urn:clearflow:delivery:artifact-corrupted"));
        return problem;
    }

    /** Jira did not answer a defect sync: a gateway problem, and nothing was written. */
    @ExceptionHandler(io.clearflow.demand.api.JiraDefects.Unavailable.class)
    ProblemDetail jiraDown(io.clearflow.demand.api.JiraDefects.Unavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, text("delivery.defects.jiraDown", null));
        problem.setType(URI.create("urn:clearflow:delivery:jira-unavailable"));
        problem.setProperty("cause", e.getMessage());
        return problem;
    }

    private String text(String message, Object[] args) {
        return message == null ? null : messages.getMessage(message, args, message, LocaleContextHolder.getLocale());
    }
}
