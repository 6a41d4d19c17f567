package io.clearflow.engine.work;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
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
 * Uploads larger than {@code spring.servlet.multipart.max-request-size} get a 413 problem detail
 * before a byte of them is read or stored. A client that announces its size (Content-Length,
 * and {@code Expect: 100-continue}, as curl does for large bodies) is answered at once and never
 * sends the body; a chunked upload is cut off by the multipart parser and answered the same way.
 */
final class UploadSizeLimit {

    private UploadSizeLimit() {
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

        private final long limit;

        AnnouncedSizeFilter(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize limit) {
            this.limit = limit.toBytes();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
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

        private final long limit;

        ParserRefusal(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize limit) {
            this.limit = limit.toBytes();
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
            return UploadSizeLimit.tooLarge(limit);
        }
    }
}
