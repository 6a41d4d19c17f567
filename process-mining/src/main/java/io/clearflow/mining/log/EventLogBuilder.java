package io.clearflow.mining.log;

import java.util.Arrays;

/**
 * Collects events in any order (cases may interleave, as in CSV exports) and builds an
 * {@link EventLog}: events grouped by case in order of first appearance, then stably sorted by
 * timestamp, so events read out of order are put right and ties keep their read order.
 */
public final class EventLogBuilder implements EventSink {

    private final String name;
    private final Dictionary cases = new Dictionary();
    private final Dictionary activities = new Dictionary();
    private final Dictionary resources = new Dictionary();
    private final Dictionary groups = new Dictionary();
    private final Dictionary roles = new Dictionary();
    private final Dictionary lifecycles = new Dictionary();
    private final Dictionary instances = new Dictionary();
    private final GrowableInts caseColumn = new GrowableInts();
    private final GrowableLongs timeColumn = new GrowableLongs();
    private final GrowableInts activityColumn = new GrowableInts();
    private final GrowableInts resourceColumn = new GrowableInts();
    private final GrowableInts groupColumn = new GrowableInts();
    private final GrowableInts roleColumn = new GrowableInts();
    private final GrowableInts lifecycleColumn = new GrowableInts();
    private final GrowableInts instanceColumn = new GrowableInts();

    public EventLogBuilder(String name) {
        this.name = name;
    }

    /** Adds one event; {@code caseId}, {@code activity} are required, the rest may be {@code null}. */
    public EventLogBuilder add(String caseId, String activity, long timestampMillis, String resource, String group,
                               String role, String lifecycle, String instance) {
        if (caseId == null || activity == null) {
            throw new IllegalArgumentException("an event needs a case and an activity");
        }
        caseColumn.add(cases.id(caseId));
        timeColumn.add(timestampMillis);
        activityColumn.add(activities.id(activity));
        resourceColumn.add(resources.id(resource));
        groupColumn.add(groups.id(group));
        roleColumn.add(roles.id(role));
        lifecycleColumn.add(lifecycleId(lifecycle));
        instanceColumn.add(instances.id(instance));
        return this;
    }

    @Override
    public void event(String caseId, String activity, long timestampMillis, String resource, String group, String role,
                      String lifecycle, String instance) {
        add(caseId, activity, timestampMillis, resource, group, role, lifecycle, instance);
    }

    private String lastLifecycle;
    private int lastLifecycleId = Dictionary.NONE;

    /** Readers pass the same few lifecycle strings again and again: normalise each only once in a row. */
    private int lifecycleId(String lifecycle) {
        if (lifecycle == null) {
            return Dictionary.NONE;
        }
        if (lifecycle != lastLifecycle) {
            lastLifecycleId = lifecycles.id(EventLog.Lifecycle.normalise(lifecycle));
            lastLifecycle = lifecycle;
        }
        return lastLifecycleId;
    }

    public int size() {
        return caseColumn.size();
    }

    public EventLog build() {
        int n = size();
        String[] caseIds = cases.toArray();
        int[] caseStart = new int[caseIds.length + 1];
        for (int i = 0; i < n; i++) {
            caseStart[caseColumn.get(i) + 1]++;
        }
        for (int c = 0; c < caseIds.length; c++) {
            caseStart[c + 1] += caseStart[c];
        }
        // counting sort by case keeps read order inside each case
        int[] order = new int[n];
        int[] next = Arrays.copyOf(caseStart, caseIds.length);
        for (int i = 0; i < n; i++) {
            order[next[caseColumn.get(i)]++] = i;
        }
        for (int c = 0; c < caseIds.length; c++) {
            sortByTime(order, caseStart[c], caseStart[c + 1]);
        }
        long[] time = new long[n];
        int[] activity = new int[n];
        int[] resource = new int[n];
        int[] group = new int[n];
        int[] role = new int[n];
        int[] lifecycle = new int[n];
        int[] instance = new int[n];
        for (int i = 0; i < n; i++) {
            int source = order[i];
            time[i] = timeColumn.get(source);
            activity[i] = activityColumn.get(source);
            resource[i] = resourceColumn.get(source);
            group[i] = groupColumn.get(source);
            role[i] = roleColumn.get(source);
            lifecycle[i] = lifecycleColumn.get(source);
            instance[i] = instanceColumn.get(source);
        }
        return new EventLog(name, caseIds, caseStart, time, activity, resource, group, role, lifecycle, instance,
                activities.toArray(), resources.toArray(), groups.toArray(), roles.toArray(), lifecycles.toArray(),
                instances.toArray());
    }

    /**
     * Stable insertion sort: cases are short and almost always already in order. A case with an event
     * without timestamp keeps its read order (XES log order).
     */
    private void sortByTime(int[] order, int from, int to) {
        for (int i = from; i < to; i++) {
            if (timeColumn.get(order[i]) == Timestamps.NONE) {
                return;
            }
        }
        for (int i = from + 1; i < to; i++) {
            int current = order[i];
            long t = timeColumn.get(current);
            int j = i - 1;
            while (j >= from && timeColumn.get(order[j]) > t) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
    }
}
