package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Filters of the process-instance query, all optional: process key (one active process per
 * business scenario, so the key names the scenario), status, initiator's department, initiator,
 * start time from (inclusive) and to (exclusive).
 */
public record InstanceFilter(String processKey, String status, String department, String initiator,
                             Instant from, Instant to) {

    /** Running: not ended, no failed job. Failed: not ended, a job failed or ran out of retries. */
    public static final Set<String> STATUSES = Set.of("running", "completed", "withdrawn", "failed");

    public InstanceFilter {
        processKey = blank(processKey);
        status = blank(status) == null ? null : status.strip().toLowerCase(Locale.ROOT);
        department = blank(department);
        initiator = blank(initiator);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("monitor.refused.status", Map.of("status", "monitor.refused.statusField"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("monitor.refused.range", Map.of("to", "monitor.refused.rangeField"));
        }
        for (var value : new String[] {processKey, department, initiator}) {
            if (value != null && value.length() > 255) {
                throw new InvalidRequestException("monitor.refused.filterLength", Map.of("filter", "monitor.refused.filterLengthField"));
            }
        }
    }

    public static InstanceFilter none() {
        return new InstanceFilter(null, null, null, null, null, null);
    }

    public InstanceFilter withDepartment(String value) {
        return new InstanceFilter(processKey, status, value, initiator, from, to);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
