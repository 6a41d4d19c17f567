package io.clearflow.demand.jira;

import java.util.Map;

/** A Jira call that failed; the subclass says whether trying again later can help. */
public class JiraException extends RuntimeException {

    private final int status;

    public JiraException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, 0 when Jira could not be reached at all. */
    public int status() {
        return status;
    }

    /** Jira down, overloaded or rate limiting beyond the client's patience: retry later. */
    public static class Unavailable extends JiraException {
        public Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /** 401/403: the configured token is wrong or lacks permission. */
    public static class Unauthorized extends JiraException {
        public Unauthorized(int status, String message) {
            super(status, message, null);
        }
    }

    /** 404: no such issue or project (or not visible to the token's user). */
    public static class NotFound extends JiraException {
        public NotFound(String message) {
            super(404, message, null);
        }
    }

    /** 400: Jira refused the content, e.g. an unknown custom field; with Jira's field errors. */
    public static class Rejected extends JiraException {
        private final Map<String, String> fieldErrors;

        public Rejected(String message, Map<String, String> fieldErrors) {
            super(400, message, null);
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        public Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }
}
