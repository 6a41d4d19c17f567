package io.clearflow.delivery.audit;

import java.time.Instant;

/** One code audit of a version: {@code open} while packages and findings come in, {@code completed} once signed off. */
record Audit(long id, long versionId, String system, String version, String state, String createdBy, Instant createdAt,
             String completedBy, Instant completedAt, String opinion) {

    static final String OPEN = "open";
    static final String COMPLETED = "completed";
}
