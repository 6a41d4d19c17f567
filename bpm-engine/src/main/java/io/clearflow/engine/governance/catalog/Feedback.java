package io.clearflow.engine.governance.catalog;

import java.time.Instant;

/** A user's rating (1–5) and comment on a process, given from one of its cases. */
public record Feedback(long id, String processKey, String processDefinitionId, String caseId, String taskName,
                       int rating, String comment, String createdBy, String department, Instant createdAt) {
}
