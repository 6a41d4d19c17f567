package io.clearflow.mining.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a {@link LogFilter} while a log is read: it holds the current case's events (references to the reader's
 * interned strings, no copies), decides at the end of the case with the same rules as {@link LogFilter#apply}, and
 * hands a kept case on to the next sink; a dropped one is forgotten. So a large XES log is filtered without being
 * loaded: what is held is one case plus what the next sink keeps of the kept cases. Made for XES (contiguous
 * traces); a case id that reappears later is a new case here, where the in-memory log would merge the two.
 * {@code maxEvents} limits the events handed on, so a filtered slice of a log larger than the limit can be imported.
 */
public final class FilteringSink implements EventSink {

    private final LogFilter filter;
    private final EventSink next;
    private final int maxEvents;
    private final List<Object[]> events = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private String currentCase;
    private long kept;
    private long keptCases;
    private long droppedCases;

    public FilteringSink(LogFilter filter, EventSink next, int maxEvents) {
        this.filter = filter;
        this.next = next;
        this.maxEvents = maxEvents;
    }

    @Override
    public void event(String caseId, String activity, long timestampMillis, String resource, String group, String role,
                      String lifecycle, String instance) {
        if (currentCase != null && !currentCase.equals(caseId)) {
            endCase();
        }
        currentCase = caseId;
        events.add(new Object[] {caseId, activity, resource, group, role, lifecycle, instance});
        times.add(new long[] {timestampMillis, events.size() - 1});
    }

    @Override
    public void endCase() {
        if (currentCase == null) {
            return;
        }
        if (keeps()) {
            keptCases++;
            kept += events.size();
            if (kept > maxEvents) {
                throw new LogFormatException("the filtered log has more than " + maxEvents + " events (the configured limit)",
                        "mining.format.tooManyEvents", maxEvents);
            }
            for (int i = 0; i < events.size(); i++) {
                Object[] e = events.get(i);
                next.event((String) e[0], (String) e[1], times.get(i)[0], (String) e[2], (String) e[3], (String) e[4],
                        (String) e[5], (String) e[6]);
            }
            next.endCase();
        } else {
            droppedCases++;
        }
        events.clear();
        times.clear();
        currentCase = null;
    }

    public long keptCases() {
        return keptCases;
    }

    public long droppedCases() {
        return droppedCases;
    }

    /** {@link LogFilter}'s rules on the held case: timed cases in time order (stable), others in file order. */
    private boolean keeps() {
        if (events.isEmpty()) {
            return false;
        }
        boolean timed = true;
        for (long[] t : times) {
            timed &= t[0] != Timestamps.NONE;
        }
        Integer[] order = new Integer[events.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (timed) {
            Arrays.sort(order, (a, b) -> Long.compare(times.get(a)[0], times.get(b)[0])); // stable, as the builder
        }
        boolean timeFilter = filter.from() != null || filter.to() != null || filter.minDurationMs() != null
                || filter.maxDurationMs() != null;
        if (timeFilter) {
            if (!timed) {
                return false;
            }
            long start = times.get(order[0])[0];
            long duration = times.get(order[order.length - 1])[0] - start;
            if ((filter.from() != null && start < filter.from().toEpochMilli())
                    || (filter.to() != null && start >= filter.to().toEpochMilli())
                    || (filter.minDurationMs() != null && duration < filter.minDurationMs())
                    || (filter.maxDurationMs() != null && duration > filter.maxDurationMs())) {
                return false;
            }
        }
        if (!contains(1, filter.activity()) || !contains(2, filter.resource()) || !contains(3, filter.group())) {
            return false;
        }
        if (filter.variant() != null && !filter.variant().isEmpty()) {
            List<String> trace = new ArrayList<>();
            for (int i : order) {
                Object[] e = events.get(i);
                if (complete((String) e[5])) {
                    trace.add((String) e[1]);
                }
            }
            return trace.equals(filter.variant());
        }
        return true;
    }

    private boolean contains(int field, String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        for (Object[] e : events) {
            if (value.equals(e[field])) {
                return true;
            }
        }
        return false;
    }

    /** As the log's control-flow events: without a transition, or one that normalises to complete. */
    private static boolean complete(String lifecycle) {
        if (lifecycle == null) {
            return true;
        }
        String normalised = EventLog.Lifecycle.normalise(lifecycle);
        return normalised == null || EventLog.Lifecycle.COMPLETE.equals(normalised);
    }
}
