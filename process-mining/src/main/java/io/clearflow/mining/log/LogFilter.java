package io.clearflow.mining.log;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Case filters, all optional and combined with AND. A case is kept when it starts in
 * [{@code from}, {@code to}), contains an event of {@code activity}, of {@code resource} and of
 * {@code group}, follows exactly the {@code variant} (its complete activities, as in the variants
 * analysis), and lasts (first to last event) between {@code minDurationMs} and {@code maxDurationMs}.
 * Whole cases are kept or dropped so that the kept cases stay complete for the analyses.
 */
public record LogFilter(Instant from, Instant to, String activity, String resource, String group,
                        List<String> variant, Long minDurationMs, Long maxDurationMs) {

    public static LogFilter none() {
        return new LogFilter(null, null, null, null, null, null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // not a property: the filter is saved with an upload's settings
    public boolean isEmpty() {
        return (from == null && to == null && activity == null && resource == null && group == null
                && (variant == null || variant.isEmpty()) && minDurationMs == null && maxDurationMs == null);
    }

    public EventLog apply(EventLog log) {
        if (isEmpty()) {
            return log;
        }
        return log.selectCases(c -> keeps(log, c));
    }

    private boolean keeps(EventLog log, int c) {
        int first = log.caseStart(c);
        int last = log.caseEnd(c) - 1;
        if (last < first) {
            return false;
        }
        boolean timeFilter = from != null || to != null || minDurationMs != null || maxDurationMs != null;
        if (timeFilter && !log.timed(c)) {
            return false; // a case without times cannot be placed in a period or a duration range
        }
        long start = log.timestamp(first);
        long duration = log.timestamp(last) - start;
        if ((from != null && start < from.toEpochMilli()) || (to != null && start >= to.toEpochMilli())
                || (minDurationMs != null && duration < minDurationMs)
                || (maxDurationMs != null && duration > maxDurationMs)) {
            return false;
        }
        if (!contains(log, c, activity, Attribute.ACTIVITY) || !contains(log, c, resource, Attribute.RESOURCE)
                || !contains(log, c, group, Attribute.GROUP)) {
            return false;
        }
        if (variant != null && !variant.isEmpty()) {
            String[] trace = Arrays.stream(log.completeEvents(c)).mapToObj(e -> log.activityName(log.activity(e)))
                    .toArray(String[]::new);
            return Arrays.asList(trace).equals(variant);
        }
        return true;
    }

    private enum Attribute { ACTIVITY, RESOURCE, GROUP }

    private static boolean contains(EventLog log, int c, String value, Attribute attribute) {
        if (value == null || value.isBlank()) {
            return true;
        }
        for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
            String actual = switch (attribute) {
                case ACTIVITY -> log.activityName(log.activity(e));
                case RESOURCE -> log.resourceName(log.resource(e));
                case GROUP -> log.groupName(log.group(e));
            };
            if (value.equals(actual)) {
                return true;
            }
        }
        return false;
    }
}
