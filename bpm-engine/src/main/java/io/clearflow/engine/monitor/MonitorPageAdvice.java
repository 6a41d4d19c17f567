package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A bad filter on a monitoring page: a 400 page that says what was wrong; nothing was queried or changed. */
// ordered first: the platform-wide PageExceptionAdvice also handles InvalidRequestException, less specifically
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {MonitorPageController.class, JobMonitorPageController.class})
class MonitorPageAdvice {

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView badInput(InvalidRequestException e) {
        ModelAndView page = new ModelAndView("monitor/bad-input");
        page.setStatus(HttpStatus.BAD_REQUEST);
        // bundle keys, resolved by the page in the reader's language
        page.addObject("problem", e.getMessage());
        page.addObject("problemArgs", e.args());
        page.addObject("problemFields", List.copyOf(new LinkedHashSet<>(e.fieldErrors().values())));
        return page;
    }
}
