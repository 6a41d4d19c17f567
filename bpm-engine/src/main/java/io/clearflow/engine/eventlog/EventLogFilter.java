package io.clearflow.engine.eventlog;

import java.time.Instant;

/**
 * Filters of an event-log query; every one optional. Instants are inclusive {@code from},
 * exclusive {@code to}.
 */
public record EventLogFilter(String caseId, String processKey, String department, String resource,
                             String activityId, String lifecycle, String scope, Instant from, Instant to) {

    public static EventLogFilter none() {
        return new EventLogFilter(null, null, null, null, null, null, null, null, null);
    }

    public EventLogFilter withDepartment(String value) {
        return new EventLogFilter(caseId, processKey, value, resource, activityId, lifecycle, scope, from, to);
    }

    public EventLogFilter withCaseId(String value) {
        return new EventLogFilter(value, processKey, department, resource, activityId, lifecycle, scope, from, to);
    }
}
