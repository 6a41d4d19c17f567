package io.clearflow.engine.web;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: a readable page in the user's language instead of a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

    @ExceptionHandler({NotFoundException.class, FlowableObjectNotFoundException.class})
    ModelAndView notFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler({ConflictException.class, FlowableOptimisticLockingException.class})
    ModelAndView conflict(RuntimeException e) {
        return page(HttpStatus.CONFLICT, "error.conflict");
    }

    /** A page request with a bad parameter (a negative page, an over-long search): 400 saying which, nothing changed. */
    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView badRequest(InvalidRequestException e) {
        ModelAndView page = page(HttpStatus.BAD_REQUEST, "error.badRequest");
        page.addObject("details", e.fieldErrors().isEmpty() ? java.util.List.of(e.getMessage())
                : e.fieldErrors().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList());
        return page;
    }

    private static ModelAndView page(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }
}
