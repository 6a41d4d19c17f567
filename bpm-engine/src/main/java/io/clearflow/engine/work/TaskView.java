package io.clearflow.engine.work;

import java.time.Instant;

/**
 * A task as an inbox shows it. {@code owner} and {@code delegated} are set while a delegate works
 * on it (委派); {@code due} is the deadline, if the process sets one.
 */
public record TaskView(String id, String name, String activityId, String caseId, String processKey,
                       String processName, String businessKey, String assignee, String owner, boolean delegated,
                       Instant created, Instant due) {

    public boolean overdueAt(Instant now) {
        return due != null && due.isBefore(now);
    }
}
