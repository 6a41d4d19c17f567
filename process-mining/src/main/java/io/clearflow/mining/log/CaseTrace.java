package io.clearflow.mining.log;

import java.util.Arrays;

/**
 * The events of one case, ordered by timestamp (ties in read order), as dictionary ids: what every
 * per-case analysis reads, so the same accumulators serve a log held in memory
 * ({@link EventLog#trace}) and a log streamed case by case. The buffer is reused from case to case.
 */
public final class CaseTrace {

    /** Lifecycle kinds: what the analyses distinguish. An event without a transition counts as complete. */
    public static final byte NO_TRANSITION = 0;
    public static final byte COMPLETE = 1;
    public static final byte SCHEDULE = 2;
    /** {@code assign} or {@code start}: the work is picked up. */
    public static final byte PICKUP = 3;
    public static final byte SEND_BACK = 4;
    public static final byte WITHDRAW = 5;
    public static final byte OTHER = 6;

    private int size;
    private int[] activity = new int[16];
    private long[] time = new long[16];
    private int[] resource = new int[16];
    private int[] group = new int[16];
    private int[] role = new int[16];
    private int[] instance = new int[16];
    private byte[] kind = new byte[16];

    /** The kind of a lower-cased transition name (or {@code null}). */
    public static byte kindOf(String lifecycle) {
        if (lifecycle == null) {
            return NO_TRANSITION;
        }
        return switch (lifecycle) {
            case EventLog.Lifecycle.COMPLETE -> COMPLETE;
            case EventLog.Lifecycle.SCHEDULE -> SCHEDULE;
            case EventLog.Lifecycle.ASSIGN, EventLog.Lifecycle.START -> PICKUP;
            case EventLog.Lifecycle.SEND_BACK -> SEND_BACK;
            case EventLog.Lifecycle.WITHDRAW -> WITHDRAW;
            default -> OTHER;
        };
    }

    public void clear() {
        size = 0;
    }

    public void add(int activityId, long timestamp, int resourceId, int groupId, int roleId, int instanceId, byte lifecycleKind) {
        if (size == activity.length) {
            int n = size * 2;
            activity = Arrays.copyOf(activity, n);
            time = Arrays.copyOf(time, n);
            resource = Arrays.copyOf(resource, n);
            group = Arrays.copyOf(group, n);
            role = Arrays.copyOf(role, n);
            instance = Arrays.copyOf(instance, n);
            kind = Arrays.copyOf(kind, n);
        }
        activity[size] = activityId;
        time[size] = timestamp;
        resource[size] = resourceId;
        group[size] = groupId;
        role[size] = roleId;
        instance[size] = instanceId;
        kind[size] = lifecycleKind;
        size++;
    }

    /**
     * Stable sort by timestamp (insertion sort: cases are short and almost always in order already).
     * A case with an event without timestamp keeps the log's order: there is nothing to place it by.
     */
    public void sortByTime() {
        if (!timed()) {
            return;
        }
        for (int i = 1; i < size; i++) {
            long t = time[i];
            if (time[i - 1] <= t) {
                continue;
            }
            int a = activity[i];
            int r = resource[i];
            int g = group[i];
            int ro = role[i];
            int in = instance[i];
            byte k = kind[i];
            int j = i - 1;
            while (j >= 0 && time[j] > t) {
                move(j, j + 1);
                j--;
            }
            activity[j + 1] = a;
            time[j + 1] = t;
            resource[j + 1] = r;
            group[j + 1] = g;
            role[j + 1] = ro;
            instance[j + 1] = in;
            kind[j + 1] = k;
        }
    }

    private void move(int from, int to) {
        activity[to] = activity[from];
        time[to] = time[from];
        resource[to] = resource[from];
        group[to] = group[from];
        role[to] = role[from];
        instance[to] = instance[from];
        kind[to] = kind[from];
    }

    /** Whether every event has a timestamp, so the case's durations are known. */
    public boolean timed() {
        for (int i = 0; i < size; i++) {
            if (time[i] == Timestamps.NONE) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return size;
    }

    public int activity(int i) {
        return activity[i];
    }

    public long time(int i) {
        return time[i];
    }

    public int resource(int i) {
        return resource[i];
    }

    public int group(int i) {
        return group[i];
    }

    public int role(int i) {
        return role[i];
    }

    public int instance(int i) {
        return instance[i];
    }

    public byte kind(int i) {
        return kind[i];
    }

    /** Whether the event counts for control flow (DFG, variants): complete or without a transition. */
    public boolean complete(int i) {
        return kind[i] <= COMPLETE;
    }
}
