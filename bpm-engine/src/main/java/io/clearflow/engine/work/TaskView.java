package io.clearflow.engine.work;

import java.time.Instant;

/** A task as an inbox shows it. */
public record TaskView(String id, String name, String activityId, String caseId, String processKey,
                       String processName, String businessKey, String assignee, Instant created, Instant due) {
}
