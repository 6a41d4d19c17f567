package io.clearflow.mining.dfg;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.Timestamps;
import io.clearflow.mining.log.LogNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the DFG case by case, so a log held in memory and a log streamed from a file give the same
 * graph. Memory: a few counters per activity and one long per directly-follows pair (for the exact
 * median), not the log.
 */
public final class DfgAccumulator {

    private long[] activityFrequency = new long[16];
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private final Map<Long, EdgeAcc> edges = new HashMap<>();

    /** An edge's occurrences; durations only of those whose two events both have a timestamp. */
    private static final class EdgeAcc {
        long frequency;
        final Durations durations = new Durations();
    }

    public void add(CaseTrace trace) {
        int previous = -1;
        long previousTime = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (!trace.complete(i)) {
                continue;
            }
            int a = trace.activity(i);
            ensure(a);
            activityFrequency[a]++;
            if (previous < 0) {
                starts[a]++;
            } else {
                long key = ((long) previous << 32) | a;
                EdgeAcc edge = edges.get(key);
                if (edge == null) {
                    edge = new EdgeAcc();
                    edges.put(key, edge);
                }
                edge.frequency++;
                long time = trace.time(i);
                if (time != Timestamps.NONE && previousTime != Timestamps.NONE) {
                    edge.durations.add(time - previousTime);
                }
            }
            previous = a;
            previousTime = trace.time(i);
        }
        if (previous >= 0) {
            ends[previous]++;
        }
    }

    private void ensure(int activity) {
        if (activity >= activityFrequency.length) {
            int n = Math.max(activity + 1, activityFrequency.length * 2);
            activityFrequency = Arrays.copyOf(activityFrequency, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
    }

    public Dfg result(LogNames names) {
        List<Dfg.Activity> activities = new ArrayList<>();
        for (int a = 0; a < activityFrequency.length; a++) {
            if (activityFrequency[a] > 0) {
                activities.add(new Dfg.Activity(names.activityName(a), activityFrequency[a]));
            }
        }
        activities.sort(Comparator.comparingLong(Dfg.Activity::frequency).reversed().thenComparing(Dfg.Activity::name));
        List<Dfg.Edge> edgeList = new ArrayList<>(edges.size());
        edges.forEach((key, edge) -> edgeList.add(new Dfg.Edge(names.activityName((int) (key >>> 32)),
                names.activityName((int) (long) key), edge.frequency, edge.durations.mean(), edge.durations.median(),
                edge.durations.max())));
        edgeList.sort(Comparator.comparingLong(Dfg.Edge::frequency).reversed().thenComparing(Dfg.Edge::source)
                .thenComparing(Dfg.Edge::target));
        return new Dfg(activities, edgeList, counts(names, starts), counts(names, ends));
    }

    private static Map<String, Long> counts(LogNames names, long[] perActivity) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (int a = 0; a < perActivity.length; a++) {
            if (perActivity[a] > 0) {
                entries.add(Map.entry(names.activityName(a), perActivity[a]));
            }
        }
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
