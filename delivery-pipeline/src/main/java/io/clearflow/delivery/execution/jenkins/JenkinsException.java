package io.clearflow.delivery.execution.jenkins;

/** A Jenkins call that did not give what was asked. */
public class JenkinsException extends RuntimeException {

    private final boolean transientFailure;

    private JenkinsException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Jenkins unreachable, 5xx, 429, a timeout or an answer that is not JSON: worth trying again later. */
    public static JenkinsException unavailable(String message, Throwable cause) {
        return new JenkinsException(message, true, cause);
    }

    /** Jenkins refused (401, 403, 404 of a job, 400): trying again gives the same answer. */
    public static JenkinsException refused(String message) {
        return new JenkinsException(message, false, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
