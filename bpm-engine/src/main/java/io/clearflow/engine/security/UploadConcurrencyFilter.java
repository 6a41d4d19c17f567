package io.clearflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code clearflow.security.uploads.max-concurrent} multipart requests per client at once, on every multipart
 * endpoint of every module (API and pages): one more gets {@code 429} with {@code Retry-After} before its body is read,
 * so that one client cannot hold every request thread and the disk with slow or parallel uploads. The size of each
 * upload is limited elsewhere ({@code spring.servlet.multipart.*}). A client is its signed-in user, else its address.
 * Runs after Spring Security, which has put the user in place; counts are per node.
 */
@Component
@Order(UploadConcurrencyFilter.ORDER)
@EnableConfigurationProperties(UploadLimitProperties.class)
class UploadConcurrencyFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), before the idempotency keys: a refused upload takes no key. */
    static final int ORDER = 5;

    private final UploadLimitProperties properties;
    private final ObjectMapper json;
    private final Counter refused;
    /** Running uploads per client; only clients with some running are in it. Changed per key atomically (compute). */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    UploadConcurrencyFilter(UploadLimitProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        this.refused = Counter.builder("clearflow.uploads.throttled")
                .description("uploads refused because the client had too many running").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client(request);
        int now = running.merge(client, 1, Integer::sum);
        if (now > properties.maxConcurrent()) {
            release(client);
            refused.increment();
            long seconds = TooManyRequests.seconds(properties.retryAfter());
            TooManyRequests.write(request, response, json, "urn:clearflow:uploads-limited",
                    "at most " + properties.maxConcurrent() + " uploads at once per client: wait for yours to finish,"
                            + " then try again in " + seconds + " s", seconds);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            release(client);
        }
    }

    /** Forgets a client with nothing running, so the map holds only current uploaders. */
    private void release(String client) {
        running.computeIfPresent(client, (c, n) -> n == 1 ? null : n - 1);
    }

    /** How many uploads a client has running now (for tests and diagnostics). */
    int running(String client) {
        return running.getOrDefault(client, 0);
    }

    static String client(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                ? "user:" + authentication.getName() : "address:" + request.getRemoteAddr();
    }
}
