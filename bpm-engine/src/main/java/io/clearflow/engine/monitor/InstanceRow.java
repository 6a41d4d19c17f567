package io.clearflow.engine.monitor;

import java.time.Instant;

/**
 * One process instance in monitoring, running or ended. {@code status}: running, completed,
 * withdrawn (ended early with a reason) or failed (running, with a failed job).
 */
public record InstanceRow(String id, String processKey, String processName, Integer processVersion,
                          String businessKey, String initiator, String department, Instant started, Instant ended,
                          Long durationMs, String status) {
}
