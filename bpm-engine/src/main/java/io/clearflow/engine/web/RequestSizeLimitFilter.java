package io.clearflow.engine.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than {@code clearflow.web.max-request-size} (JSON and forms) with 413
 * before anything reads them. Multipart uploads have their own, larger limit
 * ({@code spring.servlet.multipart.*}) and are left to it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final WebProperties properties;

    RequestSizeLimitFilter(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long limit = properties.maxRequestSize().toBytes();
        if (!multipart && request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"request body larger than " + limit + " bytes\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** @param maxRequestSize largest JSON or form body accepted */
    @ConfigurationProperties("clearflow.web")
    record WebProperties(DataSize maxRequestSize) {
        WebProperties {
            if (maxRequestSize == null) {
                maxRequestSize = DataSize.ofMegabytes(1);
            }
        }
    }
}
