package io.clearflow.engine.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the answer to a request that met a database outage: {@code 503} with {@code Retry-After}, a problem detail for
 * the API, and for pages a plain page that needs nothing from the database (the page frame would ask it for the
 * signed-in user's name and menus). Texts come from the bundles in the request's language.
 */
@Component
public class UnavailableResponses {

    static final URI TYPE = URI.create("urn:clearflow:service-unavailable");

    private final ObjectMapper json;
    private final MessageSource messages;

    UnavailableResponses(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** True when the request expects JSON: the API, the actuator, or a client that asked for it. */
    static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/external-job-api/")
                || (accept.contains("json") && !accept.contains("text/html"));
    }

    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage("unavailable.title", null, "Service temporarily unavailable", locale);
        String detail = messages.getMessage("unavailable.detail", new Object[] {DatabaseOutage.RETRY_AFTER_SECONDS},
                "The database cannot be reached or is too slow right now; nothing was changed. Try again shortly.", locale);
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setType(TYPE);
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("retryAfterSeconds", DatabaseOutage.RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String retry = messages.getMessage("unavailable.retry", null, "Try again", locale);
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                    + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/clearflow.css\"></head>"
                    + "<body class=\"login-page\"><main class=\"login-card\" id=\"service-unavailable\"><h1>503</h1>"
                    + "<h2>" + HtmlUtils.htmlEscape(title) + "</h2><p id=\"error-message\">" + HtmlUtils.htmlEscape(detail) + "</p>"
                    + "<p><a href=\"" + HtmlUtils.htmlEscape(request.getRequestURI()) + "\">" + HtmlUtils.htmlEscape(retry)
                    + "</a></p></main></body></html>");
        }
        response.flushBuffer();
    }

    private static Locale locale(HttpServletRequest request) {
        try {
            return RequestContextUtils.getLocale(request);
        } catch (RuntimeException noResolverYet) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
