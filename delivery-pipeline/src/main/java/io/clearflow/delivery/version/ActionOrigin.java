package io.clearflow.delivery.version;

import io.clearflow.delivery.execution.NotifiedExecution;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where an action recorded in a version's timeline came from. Resolved once, from the request the action
 * runs in, instead of being passed through every service: the flows are reached from pages, the API and
 * notifications alike, and a parameter on each call would be easy to get wrong.
 */
public enum ActionOrigin {
    /** A person on a page of the platform. */
    PAGE,
    /** A client of {@code /api/**} signed in as a person (HTTP Basic or session). */
    API,
    /** A bot or script with an API token ({@code Authorization: Bearer}). */
    BOT,
    /** A signed build notification from Jenkins, also the deployment's end it brings about on the executor's thread. */
    JENKINS,
    /** No request: the embedded runner, Jenkins polling, schedulers, start-up. */
    SYSTEM;

    static final String JENKINS_NOTIFICATIONS = "/api/delivery/jenkins/";

    /** The origin of the action running on this thread. */
    public static ActionOrigin current() {
        if (NotifiedExecution.source() != null) {
            return JENKINS; // an executor acting on a build notification, after its request ended
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return SYSTEM;
        }
        return of(attributes.getRequest());
    }

    static ActionOrigin of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(JENKINS_NOTIFICATIONS)) {
            return JENKINS;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return BOT;
        }
        return path.startsWith("/api/") ? API : PAGE;
    }

    /** Lenient reading of a stored value: rows written before origins were recorded have none. */
    public static ActionOrigin parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
