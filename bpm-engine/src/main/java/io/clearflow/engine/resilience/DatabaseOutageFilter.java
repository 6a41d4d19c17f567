package io.clearflow.engine.resilience;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a database outage anywhere below it (the security filters looking up a user or an API token,
 * a controller, a view) becomes a 503 with {@code Retry-After} instead of Tomcat's 500 error page. MVC handlers' own
 * outages are answered earlier by {@link DatabaseOutageResolver}; this catches what happens outside them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final UnavailableResponses responses;

    DatabaseOutageFilter(UnavailableResponses responses) {
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            var outage = DatabaseOutage.in(e);
            if (outage.isEmpty() || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: database unavailable ({})", request.getMethod(), request.getRequestURI(),
                    outage.get().getMessage());
            responses.write(request, response);
        }
    }
}
