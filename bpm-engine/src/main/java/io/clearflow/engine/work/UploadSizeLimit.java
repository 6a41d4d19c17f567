package io.clearflow.engine.work;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.clearflow.engine.api.LargeUpload;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Uploads larger than {@code spring.servlet.multipart.max-request-size} (or an endpoint's own {@link LargeUpload}
 * limit) get a 413 problem detail before a byte of them is read or stored. A client that announces its size
 * (Content-Length, and {@code Expect: 100-continue}, as curl does for large bodies) is answered at once and never
 * sends the body; a chunked upload is cut off by the multipart parser at the largest limit of any endpoint, and then
 * refused by {@link PathLimitedMultipartResolver} before a handler sees it when it exceeds its endpoint's limit.
 */
final class UploadSizeLimit {

    private UploadSizeLimit() {
    }

    /** The upload limit of each request path: the declared {@link LargeUpload}s, else the platform default. */
    @Component
    static class Limits {

        private final long defaultLimit;
        private final List<Map.Entry<PathPattern, Long>> large;

        Limits(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize defaultLimit,
               List<LargeUpload> largeUploads) {
            this.defaultLimit = defaultLimit.toBytes();
            this.large = largeUploads.stream()
                    .map(u -> Map.entry(PathPatternParser.defaultInstance.parse(u.pathPattern()), u.maxSize().toBytes()))
                    .toList();
        }

        long limitFor(HttpServletRequest request) {
            PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
            return large.stream().filter(e -> e.getKey().matches(path)).mapToLong(Map.Entry::getValue)
                    .findFirst().orElse(defaultLimit);
        }

        /** What the servlet container's parser must let through: the largest limit of any endpoint. */
        long largest() {
            return large.stream().mapToLong(Map.Entry::getValue).reduce(defaultLimit, Math::max);
        }
    }

    /**
     * The container parses multipart bodies up to the largest endpoint limit; a body over its own endpoint's limit
     * (possible only for chunked uploads, which announce no size) is refused here, after parsing and before any
     * handler, and its temporary files are deleted.
     */
    static class PathLimitedMultipartResolver extends StandardServletMultipartResolver {

        private final Limits limits;

        PathLimitedMultipartResolver(Limits limits) {
            this.limits = limits;
        }

        @Override
        public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
            MultipartHttpServletRequest parsed = super.resolveMultipart(request);
            long limit = limits.limitFor(request);
            long total = parsed.getMultiFileMap().values().stream().flatMap(List::stream).mapToLong(MultipartFile::getSize).sum();
            if (total > limit) {
                cleanupMultipart(parsed);
                throw new MaxUploadSizeExceededException(limit);
            }
            return parsed;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MultipartConfiguration {

        /** Replaces Boot's resolver and parser limits: the parser's limit is the largest, each path checks its own. */
        @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
        PathLimitedMultipartResolver multipartResolver(Limits limits) {
            return new PathLimitedMultipartResolver(limits);
        }

        @Bean
        MultipartConfigElement multipartConfigElement(MultipartProperties properties, Limits limits) {
            MultipartConfigFactory factory = new MultipartConfigFactory();
            factory.setLocation(properties.getLocation());
            factory.setFileSizeThreshold(properties.getFileSizeThreshold());
            factory.setMaxFileSize(DataSize.ofBytes(limits.largest()));
            factory.setMaxRequestSize(DataSize.ofBytes(limits.largest()));
            return factory.createMultipartConfig();
        }
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "upload larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB; nothing was stored");
        problem.setProperty("maxBytes", limit);
        return problem;
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static class AnnouncedSizeFilter extends OncePerRequestFilter {

        private final Limits limits;

        AnnouncedSizeFilter(Limits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
            long limit = multipart ? limits.limitFor(request) : Long.MAX_VALUE;
            if (multipart && request.getContentLengthLong() > limit) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("application/problem+json");
                response.setHeader("Connection", "close");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                        + "\"detail\":\"upload larger than " + DataSize.ofBytes(limit).toMegabytes()
                        + " MB; nothing was stored\",\"maxBytes\":" + limit + "}");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} at once by default, so the client starts sending
     * before the size check has run; answering only when the body is first read lets an oversized
     * upload be refused before a byte of it crosses the network.
     */
    @Component
    static class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        }
    }

    /** The parser's own refusal happens before any controller is chosen, so only an unscoped advice sees it. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ParserRefusal {

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
            return UploadSizeLimit.tooLarge(e.getMaxUploadSize());
        }
    }
}
