package io.clearflow.mining.web;

import java.time.Instant;

/** A log that can be mined. @param kind platform, imported or ingested (Kafka) */
record LogEntry(String id, String name, String kind, Instant importedAt) {
}
