package io.clearflow.engine.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.StorageFullException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A full disk or quota under any handler (a store's write, the container's multipart temp file while parsing an upload,
 * which happens before a controller is chosen and so before any scoped advice): {@code 507 Insufficient Storage}, as a
 * problem detail on the API and the error page on pages, in the reader's language; never a 500. The platform goes on:
 * reads and every request that writes nothing to disk keep working. See {@link StorageFullException}.
 */
@Component
class StorageFullResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StorageFullResolver.class);
    static final URI TYPE = URI.create("urn:clearflow:storage-full");

    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    StorageFullResolver(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        var full = StorageFullException.in(e);
        if (full.isEmpty() || response.isCommitted()) {
            return null;
        }
        log.warn("{} {} answered 507: storage full ({})", request.getMethod(), request.getRequestURI(),
                full.get().getMessage());
        if (!UnavailableResponses.wantsJson(request)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(HttpStatus.INSUFFICIENT_STORAGE);
            page.addObject("status", HttpStatus.INSUFFICIENT_STORAGE.value());
            page.addObject("messageKey", "storage.full");
            return page;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE,
                messages.getMessage("storage.full", null, "storage full", locale));
        problem.setTitle(messages.getMessage("storage.full.title", null, "Storage full", locale));
        problem.setType(TYPE);
        problem.setInstance(URI.create(request.getRequestURI()));
        try {
            response.resetBuffer();
            response.setStatus(HttpStatus.INSUFFICIENT_STORAGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2; // after the outage resolver: a database outage is the graver fault
    }
}
