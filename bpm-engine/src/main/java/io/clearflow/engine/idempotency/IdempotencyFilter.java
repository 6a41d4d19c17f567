package io.clearflow.engine.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.Idempotent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The {@code Idempotency-Key} header on handlers marked {@link Idempotent}, one filter for every module:
 * <ol>
 * <li>the first request with a key (per user) runs, inside one transaction that also keeps its answer (status, body,
 * {@code Content-Type}, {@code Location}) with the key, the user and a fingerprint of the request: the change and the
 * answer commit together or not at all;</li>
 * <li>a retry with the same key and the same request gets the kept answer, with {@code Idempotent-Replayed: true}, and
 * runs nothing;</li>
 * <li>the same key with another request: 422;</li>
 * <li>a duplicate while the first still runs: 409 with {@code Retry-After}, at once (the first holds its key's row lock
 * until it commits, and the duplicate does not wait for it);</li>
 * <li>only successful (2xx) answers are kept: a refused or failed request changed nothing, so its retry runs again;</li>
 * <li>keys expire after {@code clearflow.idempotency.retention} ({@link IdempotencyCleanup}).</li>
 * </ol>
 * Runs after Spring Security (the user is known, and refusals there take no key) and inside the outage filter (a
 * database outage still answers 503).
 */
@Component
@Order(IdempotencyFilter.ORDER)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100) and the upload limit. */
    static final int ORDER = 10;
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final HandlerMapping handlers;
    private final IdempotencyRepository keys;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate claims;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    IdempotencyFilter(@Qualifier("requestMappingHandlerMapping") HandlerMapping handlers, IdempotencyRepository keys,
                      PlatformTransactionManager transactions, IdempotencyProperties properties, Clock clock,
                      ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        this.handlers = handlers;
        this.keys = keys;
        this.transactions = transactions;
        this.claims = new TransactionTemplate(transactions);
        this.claims.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || !marked(request)) {
            chain.doFilter(request, response);
            return;
        }
        String user = authentication.getName();
        Optional<String> key = key(request.getHeader(HEADER));
        if (key.isEmpty()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "idempotency.key-invalid", null, MAX_KEY_LENGTH);
            return;
        }
        HttpServletRequest toRun = request;
        String fingerprint;
        if (isMultipart(request)) {
            fingerprint = RequestFingerprint.ofParts(request);
        } else {
            byte[] body = readBody(request);
            if (body == null) {
                problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "idempotency.too-large", null,
                        properties.maxBodySize().toBytes());
                return;
            }
            fingerprint = RequestFingerprint.of(request, body);
            toRun = new CachedBodyRequest(request, body);
        }
        run(toRun, response, chain, user, key.get(), fingerprint);
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user, String key,
                     String fingerprint) throws ServletException, IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        claims.executeWithoutResult(s -> keys.claim(user, key, fingerprint, now, now.plus(properties.retention())));

        TransactionStatus transaction = transactions.getTransaction(
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        try {
            Optional<IdempotencyRepository.KeyRecord> held = keys.lockIfFree(user, key);
            if (held.isEmpty()) {
                // locked by the first request, still running (or expired and deleted this instant): try again shortly
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(request, response, HttpStatus.CONFLICT, "idempotency.in-progress", "in-progress");
                return;
            }
            IdempotencyRepository.KeyRecord record = held.get();
            if (record.done()) {
                if (!record.fingerprint().equals(fingerprint)) {
                    problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.mismatch", "mismatch");
                    return;
                }
                replay(record.response(), response);
                return;
            }
            if (!record.fingerprint().equals(fingerprint)) {
                keys.refingerprint(user, key, fingerprint); // its first request never took effect
            }
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, answer);
            if (answer.getStatus() / 100 == 2 && !transaction.isRollbackOnly()) {
                keys.complete(user, key, new StoredResponse(answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray()));
                transactions.commit(transaction); // a failure here leaves the answer unsent: the outage filter says 503
            } else {
                rollbackQuietly(transaction); // a refusal or failure: nothing applied, the key stays free
            }
            answer.copyBodyToResponse();
        } finally {
            if (!transaction.isCompleted()) {
                rollbackQuietly(transaction);
            }
        }
    }

    /** A rollback that fails because the connection is gone needs nothing more: the database rolls back itself. */
    private void rollbackQuietly(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            logger.debug("rollback failed, the database discards the transaction itself", e);
        }
    }

    /** Whether the handler this request goes to is marked {@link Idempotent}; asks Spring MVC's own mapping. */
    private boolean marked(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = handlers.getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(Idempotent.class);
        } catch (Exception noHandler) {
            return false; // no such endpoint or wrong media type: Spring MVC answers that itself
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath((RequestPath) previous, request);
            }
        }
    }

    /** The key as a Structured Field string ({@code "…"}) or bare, 1 to 255 printable ASCII characters. */
    static Optional<String> key(String header) {
        String key = header.trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The whole body, or null when it is larger than the limit. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxBodySize().toBytes());
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null && stored.body().length > 0) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                         String kind, Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(message, args, message, locale));
        if (kind != null) {
            problem.setType(URI.create("urn:clearflow:idempotency-key:" + kind));
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
