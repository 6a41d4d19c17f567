package io.clearflow.engine.governance.catalog;

import java.time.Instant;

/** One change of the catalog: who did what, when. */
public record AuditEntry(long id, String scenarioId, String actor, String action, String detail, Instant occurredAt) {
}
