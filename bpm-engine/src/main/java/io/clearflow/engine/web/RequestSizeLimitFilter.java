package io.clearflow.engine.web;

import io.clearflow.engine.api.LargeUpload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses bodies larger than {@code clearflow.web.max-request-size} (JSON and forms) with 413
 * before anything reads them. Multipart uploads have their own, larger limit
 * ({@code spring.servlet.multipart.*}) and are left to it. A file sent as the whole body
 * ({@code application/octet-stream}) to an endpoint declared as a {@link LargeUpload} gets that endpoint's limit:
 * such handlers stream the body (delivery's artifacts), and it is much faster than a multipart upload.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final WebProperties properties;
    private final List<Map.Entry<PathPattern, Long>> largeUploads;

    RequestSizeLimitFilter(WebProperties properties, List<LargeUpload> largeUploads) {
        this.properties = properties;
        this.largeUploads = largeUploads.stream()
                .map(u -> Map.entry(PathPatternParser.defaultInstance.parse(u.pathPattern()), u.maxSize().toBytes()))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                ? largeUploadLimit(request) : properties.maxRequestSize().toBytes();
        if (!multipart && request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"request body larger than " + limit + " bytes\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private long largeUploadLimit(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return largeUploads.stream().filter(e -> e.getKey().matches(path)).mapToLong(Map.Entry::getValue)
                .findFirst().orElse(properties.maxRequestSize().toBytes());
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
