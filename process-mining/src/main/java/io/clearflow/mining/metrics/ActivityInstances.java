package io.clearflow.mining.metrics;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs lifecycle events into activity instances, in columns. Within a case, events of the same
 * activity instance ({@code concept:instance} when present, otherwise the same activity's nearest
 * preceding open instance) are joined: {@code schedule} opens an instance (its arrival),
 * {@code assign}/{@code start} pick it up (the first of them counts), {@code complete} closes it;
 * {@code send-back} and {@code withdraw} close it without completion. An event without a transition
 * is a complete one. When there is no {@code schedule}, the arrival is the latest completion before
 * the instance in its case (when the work became available); the instance completed then is the
 * hand-off's source.
 *
 * <p>Waiting = arrival → pick-up (or → complete for instances with no pick-up event, i.e. logs of
 * complete events only); handling = pick-up → complete. Together they partition the lead time.
 */
public final class ActivityInstances {

    /** An unknown time. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private int size;
    private int[] caseIndex = new int[1024];
    private int[] activity = new int[1024];
    private int[] previousActivity = new int[1024];
    private int[] resource = new int[1024];
    private int[] group = new int[1024];
    private long[] arrival = new long[1024];
    private long[] pickup = new long[1024];
    private long[] complete = new long[1024];

    /** Waiting and handling are measured with it: the wall clock, or a working calendar. */
    private TimeMeasure measure = TimeMeasure.WALL_CLOCK;

    /** Open instances of the case being paired, by instance or activity key. */
    private final Map<Long, Integer> open = new HashMap<>();

    private ActivityInstances() {
    }

    /** Pairs the events of every case of a log held in memory. */
    public static ActivityInstances of(EventLog log) {
        return of(log, TimeMeasure.WALL_CLOCK);
    }

    /** Pairs the events of every case, waiting and handling measured by the given calendar. */
    public static ActivityInstances of(EventLog log, TimeMeasure measure) {
        ActivityInstances instances = new ActivityInstances();
        instances.measure = measure;
        CaseTrace trace = new CaseTrace();
        for (int c = 0; c < log.caseCount(); c++) {
            instances.addCase(log.trace(c, trace), c);
        }
        return instances;
    }

    /** An empty set to fill case by case ({@link #addCase}); the streaming path clears it per case. */
    public static ActivityInstances empty() {
        return new ActivityInstances();
    }

    static ActivityInstances empty(TimeMeasure measure) {
        ActivityInstances instances = new ActivityInstances();
        instances.measure = measure;
        return instances;
    }

    public void clear() {
        size = 0;
    }

    /** Pairs the lifecycle events of one case (its events in order) into instances of that case. */
    public void addCase(CaseTrace trace, int c) {
        open.clear();
        long lastCompletion = UNKNOWN;
        int lastCompletedActivity = EventLog.NONE;
        for (int e = 0; e < trace.size(); e++) {
            int activityId = trace.activity(e);
            long key = trace.instance(e) != EventLog.NONE ? ((long) trace.instance(e) << 1) | 1 : (long) activityId << 1;
            byte kind = trace.kind(e);
            long t = trace.time(e);
            Integer current = open.get(key);
            if (kind == CaseTrace.NO_TRANSITION || kind == CaseTrace.COMPLETE) {
                int i = current != null ? current : add(c, activityId, lastCompletion, lastCompletedActivity);
                complete[i] = t;
                attribute(i, trace.resource(e), trace.group(e), true);
                open.remove(key);
                lastCompletion = t;
                lastCompletedActivity = activityId;
            } else if (kind == CaseTrace.SCHEDULE) {
                int i = add(c, activityId, t, lastCompletedActivity);
                attribute(i, EventLog.NONE, trace.group(e), false);
                open.put(key, i);
            } else if (kind == CaseTrace.PICKUP) {
                int i = current != null ? current : add(c, activityId, lastCompletion, lastCompletedActivity);
                if (pickup[i] == UNKNOWN) {
                    pickup[i] = t;
                }
                attribute(i, trace.resource(e), trace.group(e), true);
                open.put(key, i);
            } else if (kind == CaseTrace.SEND_BACK || kind == CaseTrace.WITHDRAW) {
                open.remove(key);
            }
        }
    }

    private int add(int c, int activityId, long arrivalTime, int previous) {
        if (size == caseIndex.length) {
            int n = size * 2;
            caseIndex = Arrays.copyOf(caseIndex, n);
            activity = Arrays.copyOf(activity, n);
            previousActivity = Arrays.copyOf(previousActivity, n);
            resource = Arrays.copyOf(resource, n);
            group = Arrays.copyOf(group, n);
            arrival = Arrays.copyOf(arrival, n);
            pickup = Arrays.copyOf(pickup, n);
            complete = Arrays.copyOf(complete, n);
        }
        caseIndex[size] = c;
        activity[size] = activityId;
        previousActivity[size] = previous;
        resource[size] = EventLog.NONE;
        group[size] = EventLog.NONE;
        arrival[size] = arrivalTime;
        pickup[size] = UNKNOWN;
        complete[size] = UNKNOWN;
        return size++;
    }

    /** The person who picked up or completed the work wins over the scheduler; later events refine. */
    private void attribute(int i, int resourceId, int groupId, boolean worker) {
        if (resourceId != EventLog.NONE) {
            resource[i] = resourceId;
        }
        if (groupId != EventLog.NONE && (worker || group[i] == EventLog.NONE)) {
            group[i] = groupId;
        }
    }

    public int size() {
        return size;
    }

    public int caseIndex(int i) {
        return caseIndex[i];
    }

    public int activity(int i) {
        return activity[i];
    }

    /** Activity completed last before this instance arrived in its case, or {@link EventLog#NONE}. */
    public int previousActivity(int i) {
        return previousActivity[i];
    }

    public int resource(int i) {
        return resource[i];
    }

    public int group(int i) {
        return group[i];
    }

    public boolean completed(int i) {
        return complete[i] != UNKNOWN;
    }

    /** Waiting in ms, or {@link #UNKNOWN}. */
    public long waiting(int i) {
        if (arrival[i] == UNKNOWN) {
            return UNKNOWN;
        }
        long end = pickup[i] != UNKNOWN ? pickup[i] : complete[i];
        return end == UNKNOWN ? UNKNOWN : measure.between(arrival[i], end);
    }

    /** Handling in ms, or {@link #UNKNOWN}. */
    public long handling(int i) {
        return pickup[i] == UNKNOWN || complete[i] == UNKNOWN ? UNKNOWN : measure.between(pickup[i], complete[i]);
    }
}
