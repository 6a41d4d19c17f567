package io.clearflow.mining.dfg;

import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the DFG with the definition of issue 5, so results compare with pm4py and Disco: within
 * each case the events in timestamp order (ties in log order); with lifecycle transitions in the log
 * only complete events (and events without a transition) count.
 */
public final class DfgMiner {

    private DfgMiner() {
    }

    public static Dfg mine(EventLog log) {
        long[] activityFrequency = new long[log.activityCount()];
        long[] starts = new long[log.activityCount()];
        long[] ends = new long[log.activityCount()];
        Map<Long, Durations> edges = new HashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            int[] trace = log.completeEvents(c);
            if (trace.length == 0) {
                continue;
            }
            starts[log.activity(trace[0])]++;
            ends[log.activity(trace[trace.length - 1])]++;
            for (int i = 0; i < trace.length; i++) {
                activityFrequency[log.activity(trace[i])]++;
                if (i > 0) {
                    long key = ((long) log.activity(trace[i - 1]) << 32) | log.activity(trace[i]);
                    edges.computeIfAbsent(key, k -> new Durations())
                            .add(log.timestamp(trace[i]) - log.timestamp(trace[i - 1]));
                }
            }
        }
        List<Dfg.Activity> activities = new ArrayList<>();
        for (int a = 0; a < activityFrequency.length; a++) {
            if (activityFrequency[a] > 0) {
                activities.add(new Dfg.Activity(log.activityName(a), activityFrequency[a]));
            }
        }
        activities.sort(Comparator.comparingLong(Dfg.Activity::frequency).reversed().thenComparing(Dfg.Activity::name));
        List<Dfg.Edge> edgeList = new ArrayList<>(edges.size());
        edges.forEach((key, durations) -> edgeList.add(new Dfg.Edge(log.activityName((int) (key >>> 32)),
                log.activityName((int) (long) key), durations.count(), durations.mean(), durations.median())));
        edgeList.sort(Comparator.comparingLong(Dfg.Edge::frequency).reversed().thenComparing(Dfg.Edge::source)
                .thenComparing(Dfg.Edge::target));
        return new Dfg(activities, edgeList, counts(log, starts), counts(log, ends));
    }

    private static Map<String, Long> counts(EventLog log, long[] perActivity) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (int a = 0; a < perActivity.length; a++) {
            if (perActivity[a] > 0) {
                entries.add(Map.entry(log.activityName(a), perActivity[a]));
            }
        }
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
