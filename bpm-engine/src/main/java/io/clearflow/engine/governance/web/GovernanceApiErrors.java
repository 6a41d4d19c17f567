package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.CatalogService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The catalog's own errors as problem details, before the platform's handler: a model that is
 * too large is 413 (said in the caller's language), a file that is not BPMN is 400 with the reader's
 * findings by element.
 */
@RestControllerAdvice(assignableTypes = {GovernanceController.class, DesignApiController.class, FormApiController.class,
        ReleaseApiController.class, ImprovementApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class GovernanceApiErrors {

    private final MessageSource messages;

    GovernanceApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CatalogService.ModelTooLargeException.class)
    ProblemDetail tooLarge(CatalogService.ModelTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(
                CatalogService.ModelTooLargeException.KEY, e.args(), e.getMessage(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(CatalogService.UnreadableModelException.class)
    ProblemDetail unreadable(CatalogService.UnreadableModelException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("report", e.report());
        return problem;
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail badMultipart(org.springframework.web.multipart.MultipartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "send the BPMN file as multipart field 'file'");
    }
}
