package io.clearflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 429} with {@code Retry-After} when an API client exceeds its rate ({@link ApiRateLimit}), so that one
 * client's flood does not take the platform from everyone else. Runs after authentication: a client is its user.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final ApiRateLimit limit;
    private final ObjectMapper json;
    private final Counter throttled;

    ApiRateLimitFilter(ApiRateLimit limit, ObjectMapper json, Counter throttled) {
        this.limit = limit;
        this.json = json;
        this.throttled = throttled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication != null && authentication.isAuthenticated()
                ? "user:" + authentication.getName() : "address:" + request.getRemoteAddr();
        var wait = limit.take(client);
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        throttled.increment();
        long seconds = TooManyRequests.seconds(wait.get());
        TooManyRequests.write(request, response, json, "urn:clearflow:rate-limited",
                "too many requests from this client: try again in " + seconds + " s", seconds);
    }
}
