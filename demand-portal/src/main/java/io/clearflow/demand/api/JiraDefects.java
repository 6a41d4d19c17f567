package io.clearflow.demand.api;

import java.time.Instant;
import java.util.List;

/**
 * Defects read from Jira through the portal's Jira connection, for the delivery module's test metrics:
 * "the defects of project X found in version Y". Severity and "found in" are mapped by the portal's
 * configuration ({@code clearflow.demand.jira.defects.*}), so callers get test-metrics' vocabulary.
 */
public interface JiraDefects {

    /** False when no Jira is configured: {@link #foundIn} would have nothing to read. */
    boolean configured();

    /**
     * Every defect of the Jira project found in the version, all pages read before anything is returned.
     *
     * @throws Unavailable when Jira is not configured, cannot be reached or refuses the request
     */
    List<Defect> foundIn(String jiraProject, String version);

    /**
     * @param severity blocker, critical, major, minor or trivial
     * @param open     false once Jira's status category is done
     */
    record Defect(String key, String title, String severity, boolean open, Instant createdAt, Instant resolvedAt) {
    }

    /** Jira could not answer; nothing was read. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
