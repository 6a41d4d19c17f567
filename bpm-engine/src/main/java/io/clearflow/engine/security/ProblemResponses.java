package io.clearflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.resilience.DatabaseOutage;
import io.clearflow.engine.resilience.UnavailableResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 on the API as RFC 9457 problem details. The texts never say whether the user exists
 * or what was wrong with the credentials. Credentials that could not be checked because the database is down are not
 * wrong: they get 503 with {@code Retry-After}, so that clients retry instead of locking their users out.
 */
@Component
class ProblemResponses {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;
    private final UnavailableResponses unavailable;

    ProblemResponses(ObjectMapper json, UnavailableResponses unavailable) {
        this.json = json;
        this.unavailable = unavailable;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (couldNotCheck(e)) {
                if (DatabaseOutage.in(e).isEmpty()) {
                    // not the database being down, yet not a wrong password either: the lookup broke; say how
                    log.warn("sign-in could not be checked, answered 503: {}", e.getMessage(), e);
                }
                unavailable.write(request, response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"ClearFlow\", Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, "authentication required: valid credentials or API token");
        };
    }

    /** Form login: wrong credentials back to the form with an error; unchecked ones to the form saying why. */
    AuthenticationFailureHandler loginFailure() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (couldNotCheck(e)) {
                response.sendRedirect(request.getContextPath() + "/login?unavailable");
                return;
            }
            wrong.onAuthenticationFailure(request, response, e);
        };
    }

    /**
     * The user lookup itself failed (Spring wraps any such failure in an internal exception), mostly because the
     * database is down: the credentials were not found wrong, they could not be checked.
     */
    private static boolean couldNotCheck(Exception e) {
        return e instanceof InternalAuthenticationServiceException;
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                "your roles or department do not allow this request");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
