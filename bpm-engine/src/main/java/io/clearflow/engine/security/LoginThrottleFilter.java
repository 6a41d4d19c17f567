package io.clearflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt that {@link LoginThrottle} says must wait, before any password is checked: HTTP Basic gets
 * {@code 429} with {@code Retry-After} and a problem detail; the login form goes back to the form saying how long to
 * wait. Bearer tokens pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = attemptedName(request);
        if (name != null) {
            var wait = throttle.waitBefore(name, request.getRemoteAddr());
            if (wait.isPresent()) {
                refuse(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to sign in with (HTTP Basic or the login form); null for anything else. */
    static String attemptedName(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null; // Basic authentication refuses it itself
            }
        }
        if ("POST".equals(request.getMethod()) && isLoginForm(request)) {
            return request.getParameter("username");
        }
        return null;
    }

    private static boolean isLoginForm(HttpServletRequest request) {
        return (request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = TooManyRequests.seconds(wait);
        if (isLoginForm(request)) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
            return;
        }
        TooManyRequests.write(request, response, json, "urn:clearflow:login-throttled",
                "too many failed sign-ins for this user or address: try again in " + seconds + " s", seconds);
    }
}
