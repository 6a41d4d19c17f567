package io.clearflow.engine.resilience;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a handler's database outage with 503 before any {@code @ExceptionHandler} turns it into a 500; every other
 * exception passes on untouched to the usual advice.
 */
@Component
class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResolver.class);

    private final UnavailableResponses responses;

    DatabaseOutageResolver(UnavailableResponses responses) {
        this.responses = responses;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        var outage = DatabaseOutage.in(e);
        if (outage.isEmpty() || response.isCommitted()) {
            return null;
        }
        log.warn("{} {} answered 503: database unavailable ({})", request.getMethod(), request.getRequestURI(),
                outage.get().getMessage());
        try {
            responses.write(request, response);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView(); // handled: the response is written
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, which only records the error
    }
}
