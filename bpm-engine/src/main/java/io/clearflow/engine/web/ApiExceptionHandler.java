package io.clearflow.engine.web;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as RFC 9457 problem details. Field errors go into {@code errors};
 * unexpected failures answer 500 with a reference but no internals.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(e.getMessage(), e.args()));
        if (!e.fieldErrors().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(field, text(message)));
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A message that is a bundle key, in the caller's language (Accept-Language); other text as it is. */
    private String text(String message) {
        return text(message, null);
    }

    private String text(String message, Object[] args) {
        if (message == null || getMessageSource() == null) {
            return message;
        }
        return getMessageSource().getMessage(message, args, message, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler({NotFoundException.class, FlowableObjectNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ConflictException.class, FlowableTaskAlreadyClaimedException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                text(e.getMessage(), e instanceof ConflictException c ? c.args() : null));
    }

    @ExceptionHandler(FlowableOptimisticLockingException.class)
    ProblemDetail concurrentChange(FlowableOptimisticLockingException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("api.error.concurrentChange"));
    }

    @ExceptionHandler(FlowableIllegalArgumentException.class)
    ProblemDetail flowableArgument(FlowableIllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        // the modules refuse with a bundle key (e.g. a department rule); Spring Security's own "Access Denied" stays
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected API error {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                text("api.error.unexpected", new Object[] {reference}));
        problem.setProperty("reference", reference);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), text(f.getDefaultMessage())));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.error.invalidFields"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
