package io.clearflow.mining.log;

import java.time.Instant;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * An immutable event log in columns: one int per event for each dictionary-encoded attribute and one
 * long for the timestamp, so a million events take about 36 MB rather than millions of objects.
 * Events are grouped by case (cases in order of first appearance) and ordered by timestamp within a
 * case; ties keep the order in which they were read. Build one with {@link EventLogBuilder}.
 */
public final class EventLog implements LogNames {

    /** Attribute value that an event does not carry. */
    public static final int NONE = Dictionary.NONE;

    private final String name;
    private final String[] caseIds;
    private final int[] caseStart;
    private final long[] timestamps;
    private final int[] activities;
    private final int[] resources;
    private final int[] groups;
    private final int[] roles;
    private final int[] lifecycles;
    private final int[] instances;
    private final String[] activityNames;
    private final String[] resourceNames;
    private final String[] groupNames;
    private final String[] roleNames;
    private final String[] lifecycleNames;
    private final String[] instanceNames;
    private final boolean[] completeLifecycle;
    private final boolean hasLifecycle;
    private final byte[] lifecycleKinds;

    EventLog(String name, String[] caseIds, int[] caseStart, long[] timestamps, int[] activities, int[] resources,
             int[] groups, int[] roles, int[] lifecycles, int[] instances, String[] activityNames,
             String[] resourceNames, String[] groupNames, String[] roleNames, String[] lifecycleNames,
             String[] instanceNames) {
        this.name = name;
        this.caseIds = caseIds;
        this.caseStart = caseStart;
        this.timestamps = timestamps;
        this.activities = activities;
        this.resources = resources;
        this.groups = groups;
        this.roles = roles;
        this.lifecycles = lifecycles;
        this.instances = instances;
        this.activityNames = activityNames;
        this.resourceNames = resourceNames;
        this.groupNames = groupNames;
        this.roleNames = roleNames;
        this.lifecycleNames = lifecycleNames;
        this.instanceNames = instanceNames;
        this.completeLifecycle = new boolean[lifecycleNames.length];
        for (int i = 0; i < lifecycleNames.length; i++) {
            completeLifecycle[i] = Lifecycle.COMPLETE.equals(lifecycleNames[i]);
        }
        this.hasLifecycle = lifecycleNames.length > 0;
        this.lifecycleKinds = new byte[lifecycleNames.length];
        for (int i = 0; i < lifecycleNames.length; i++) {
            lifecycleKinds[i] = CaseTrace.kindOf(lifecycleNames[i]);
        }
    }

    public String name() {
        return name;
    }

    public int caseCount() {
        return caseIds.length;
    }

    public int eventCount() {
        return timestamps.length;
    }

    public String caseId(int caseIndex) {
        return caseIds[caseIndex];
    }

    /** First event index of a case. */
    public int caseStart(int caseIndex) {
        return caseStart[caseIndex];
    }

    /** One past the last event index of a case. */
    public int caseEnd(int caseIndex) {
        return caseStart[caseIndex + 1];
    }

    public long timestamp(int event) {
        return timestamps[event];
    }

    public int activity(int event) {
        return activities[event];
    }

    public int resource(int event) {
        return resources[event];
    }

    public int group(int event) {
        return groups[event];
    }

    public int role(int event) {
        return roles[event];
    }

    public int lifecycle(int event) {
        return lifecycles[event];
    }

    public int instance(int event) {
        return instances[event];
    }

    @Override
    public String activityName(int id) {
        return activityNames[id];
    }

    @Override
    public int activityCount() {
        return activityNames.length;
    }

    @Override
    public String resourceName(int id) {
        return id == NONE ? null : resourceNames[id];
    }

    @Override
    public int resourceCount() {
        return resourceNames.length;
    }

    @Override
    public String groupName(int id) {
        return id == NONE ? null : groupNames[id];
    }

    @Override
    public int groupCount() {
        return groupNames.length;
    }

    @Override
    public String roleName(int id) {
        return id == NONE ? null : roleNames[id];
    }

    @Override
    public int roleCount() {
        return roleNames.length;
    }

    /** Lower-case lifecycle transition, or {@code null}. */
    public String lifecycleName(int id) {
        return id == NONE ? null : lifecycleNames[id];
    }

    public String instanceName(int id) {
        return id == NONE ? null : instanceNames[id];
    }

    /** Whether any event carries a lifecycle transition. */
    public boolean hasLifecycle() {
        return hasLifecycle;
    }

    /**
     * Whether an event takes part in control-flow analyses (DFG, variants): every event when the log
     * has no lifecycle, otherwise the {@code complete} events and those without a transition.
     */
    public boolean isComplete(int event) {
        int lifecycle = lifecycles[event];
        return lifecycle == NONE || completeLifecycle[lifecycle];
    }

    /** Indices of the case's events that count for control flow ({@link #isComplete}), in order. */
    public int[] completeEvents(int caseIndex) {
        int from = caseStart[caseIndex];
        int to = caseStart[caseIndex + 1];
        int[] selected = new int[to - from];
        int n = 0;
        for (int e = from; e < to; e++) {
            if (isComplete(e)) {
                selected[n++] = e;
            }
        }
        return n == selected.length ? selected : java.util.Arrays.copyOf(selected, n);
    }

    /** Copies the events of a case into a (reused) trace buffer; they are already in order. */
    public CaseTrace trace(int caseIndex, CaseTrace into) {
        into.clear();
        for (int e = caseStart[caseIndex]; e < caseStart[caseIndex + 1]; e++) {
            int lifecycle = lifecycles[e];
            into.add(activities[e], timestamps[e], resources[e], groups[e], roles[e], instances[e],
                    lifecycle == NONE ? CaseTrace.NO_TRANSITION : lifecycleKinds[lifecycle]);
        }
        return into;
    }

    /** Earliest known timestamp, or {@code null} when no event has one. */
    public Instant firstTimestamp() {
        long min = Long.MAX_VALUE;
        for (long t : timestamps) {
            if (t != Timestamps.NONE) {
                min = Math.min(min, t);
            }
        }
        return min == Long.MAX_VALUE ? null : Instant.ofEpochMilli(min);
    }

    /** Latest known timestamp, or {@code null} when no event has one. */
    public Instant lastTimestamp() {
        long max = Timestamps.NONE;
        for (long t : timestamps) {
            max = Math.max(max, t);
        }
        return max == Timestamps.NONE ? null : Instant.ofEpochMilli(max);
    }

    /** Whether every event of the case has a timestamp, so its durations are known. */
    public boolean timed(int caseIndex) {
        for (int e = caseStart[caseIndex]; e < caseStart[caseIndex + 1]; e++) {
            if (timestamps[e] == Timestamps.NONE) {
                return false;
            }
        }
        return true;
    }

    /** Cases with an event without timestamp: their time-based figures are unavailable. */
    public long untimedCaseCount() {
        long n = 0;
        for (int c = 0; c < caseIds.length; c++) {
            if (!timed(c)) {
                n++;
            }
        }
        return n;
    }

    /** A new log with the cases the predicate keeps (by case index), in the same order. */
    public EventLog selectCases(IntPredicate keep) {
        EventLogBuilder builder = new EventLogBuilder(name);
        for (int c = 0; c < caseCount(); c++) {
            if (!keep.test(c)) {
                continue;
            }
            for (int e = caseStart(c); e < caseEnd(c); e++) {
                builder.add(caseIds[c], activityNames[activities[e]], timestamps[e], resourceName(resources[e]),
                        groupName(groups[e]), roleName(roles[e]), lifecycleName(lifecycles[e]),
                        instanceName(instances[e]));
            }
        }
        return builder.build();
    }

    /** Lifecycle transitions the analyses recognise; values are compared lower-cased. */
    public static final class Lifecycle {
        public static final String SCHEDULE = "schedule";
        public static final String ASSIGN = "assign";
        public static final String START = "start";
        public static final String COMPLETE = "complete";
        public static final String SEND_BACK = "send-back";
        public static final String WITHDRAW = "withdraw";

        private Lifecycle() {
        }

        static String normalise(String value) {
            return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
        }
    }
}
