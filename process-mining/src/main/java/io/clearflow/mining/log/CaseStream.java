package io.clearflow.mining.log;

import java.util.function.Consumer;

/**
 * An {@link EventSink} that never holds more than one case: it interns attribute values into the
 * same dictionaries an {@link EventLogBuilder} would (so ids and names match the in-memory log), keeps
 * the current case's events, and at the end of the case sorts them by timestamp (stable, as the
 * builder does) and hands them to the consumer. Made for XES, whose traces are contiguous; a case id
 * that reappears later in the file starts a new case here, where the in-memory log would merge the
 * two.
 */
public final class CaseStream implements EventSink, LogNames {

    private final Consumer<CaseTrace> consumer;
    private final Dictionary activities = new Dictionary();
    private final Dictionary resources = new Dictionary();
    private final Dictionary groups = new Dictionary();
    private final Dictionary roles = new Dictionary();
    private final Dictionary lifecycles = new Dictionary();
    private final Dictionary instances = new Dictionary();
    private final CaseTrace trace = new CaseTrace();
    private String currentCase;
    private long cases;
    private long events;
    private long untimedCases;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private String lastLifecycle;
    private byte lastKind;

    public CaseStream(Consumer<CaseTrace> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void event(String caseId, String activity, long timestampMillis, String resource, String group, String role,
                      String lifecycle, String instance) {
        if (currentCase != null && !currentCase.equals(caseId)) {
            endCase();
        }
        currentCase = caseId;
        events++;
        if (timestampMillis != Timestamps.NONE) {
            first = Math.min(first, timestampMillis);
            last = Math.max(last, timestampMillis);
        }
        trace.add(activities.id(activity), timestampMillis, resources.id(resource), groups.id(group), roles.id(role),
                instances.id(instance), kind(lifecycle));
    }

    private byte kind(String lifecycle) {
        if (lifecycle == null) {
            return CaseTrace.NO_TRANSITION;
        }
        if (lifecycle != lastLifecycle) { // readers repeat the same few instances
            String normalised = EventLog.Lifecycle.normalise(lifecycle);
            lastKind = normalised == null ? CaseTrace.NO_TRANSITION : CaseTrace.kindOf(normalised);
            lifecycles.id(normalised);
            lastLifecycle = lifecycle;
        }
        return lastKind;
    }

    @Override
    public void endCase() {
        if (trace.size() > 0) {
            trace.sortByTime();
            cases++;
            if (!trace.timed()) {
                untimedCases++;
            }
            consumer.accept(trace);
        }
        trace.clear();
        currentCase = null;
    }

    public long caseCount() {
        return cases;
    }

    public long eventCount() {
        return events;
    }

    /** Summary of what was streamed, as {@link LogSummary#of} gives for the in-memory log. */
    public LogSummary summary(String name) {
        boolean anyTime = first != Long.MAX_VALUE;
        return new LogSummary(name, cases, events, activities.size(), anyTime ? java.time.Instant.ofEpochMilli(first) : null,
                anyTime ? java.time.Instant.ofEpochMilli(last) : null, untimedCases);
    }

    @Override
    public String activityName(int id) {
        return activities.value(id);
    }

    @Override
    public int activityCount() {
        return activities.size();
    }

    @Override
    public String resourceName(int id) {
        return id == EventLog.NONE ? null : resources.value(id);
    }

    @Override
    public int resourceCount() {
        return resources.size();
    }

    @Override
    public String groupName(int id) {
        return id == EventLog.NONE ? null : groups.value(id);
    }

    @Override
    public int groupCount() {
        return groups.size();
    }

    @Override
    public String roleName(int id) {
        return id == EventLog.NONE ? null : roles.value(id);
    }

    @Override
    public int roleCount() {
        return roles.size();
    }
}
