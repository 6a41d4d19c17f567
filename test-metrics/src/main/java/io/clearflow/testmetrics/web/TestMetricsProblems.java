package io.clearflow.testmetrics.web;

import io.clearflow.testmetrics.ingest.ReportRejectedException;
import io.clearflow.testmetrics.plan.PlanImportTooLargeException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused reports as RFC 9457 problem details: 400 malformed, 415 not a supported format, 413 too large. */
@RestControllerAdvice(basePackages = "io.clearflow.testmetrics")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TestMetricsProblems {

    private final MessageSource messages;

    TestMetricsProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PlanImportTooLargeException.class)
    ProblemDetail planTooLarge(PlanImportTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(
                e.getMessage(), new Object[] {e.limitMb()}, e.getMessage(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:clearflow:test-metrics:plan-too-large"));
        return problem;
    }

    @ExceptionHandler(ReportRejectedException.class)
    ProblemDetail rejected(ReportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.reason().status()), e.getMessage());
        problem.setType(URI.create("urn:clearflow:test-metrics:report-" + e.reason().name().toLowerCase().replace('_', '-')));
        problem.setTitle(switch (e.reason()) {
            case MALFORMED -> "Unreadable report";
            case UNSUPPORTED -> "Unsupported report format";
            case TOO_LARGE -> "Report too large";
        });
        return problem;
    }
}
