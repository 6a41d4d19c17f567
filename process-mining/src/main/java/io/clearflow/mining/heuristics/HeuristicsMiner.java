package io.clearflow.mining.heuristics;

import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heuristics miner (Weijters and Ribeiro, "Flexible Heuristics Miner", 2011) on the control-flow
 * events of a log: a dependency graph whose edges are the directly-follows relations with enough
 * positive observations and a dependency measure above the threshold. Dependency of a on b (a != b) is
 * (|a>b| - |b>a|) / (|a>b| + |b>a| + 1): frequent in one direction and rare in the other means
 * causality; both directions (concurrency) cancel out. Loops of length one (a a) are measured by
 * |a>a| / (|a>a| + 1); loops of length two (a b a), which the plain measure hides because a>b and b>a
 * balance, by (|a>>b| + |b>>a|) / (|a>>b| + |b>>a| + 1) with |a>>b| the count of a b a, and only
 * between activities without a loop of length one (as the paper does, since a a b a would otherwise count).
 */
public final class HeuristicsMiner {

    private HeuristicsMiner() {
    }

    /**
     * @param dependencyThreshold  least dependency for an edge (and a length-2 loop uses {@code loopTwoThreshold})
     * @param positiveObservations least directly-follows count for an edge, loop, start or end activity
     */
    public record Parameters(double dependencyThreshold, int positiveObservations, double loopOneThreshold,
                             double loopTwoThreshold) {

        public static Parameters defaults() {
            return new Parameters(0.5, 1, 0.5, 0.5);
        }

        public Parameters {
            check("dependency", dependencyThreshold);
            check("loopOne", loopOneThreshold);
            check("loopTwo", loopTwoThreshold);
            if (positiveObservations < 1) {
                throw new IllegalArgumentException("positiveObservations must be at least 1");
            }
        }

        private static void check(String name, double value) {
            if (!(value >= -1 && value <= 1)) { // also refuses NaN
                throw new IllegalArgumentException(name + " threshold must be between -1 and 1");
            }
        }
    }

    public static HeuristicsNet mine(EventLog log, Parameters parameters) {
        int n = log.activityCount();
        long[] frequency = new long[n];
        long[][] follows = new long[n][n];
        long[][] loopTwo = new long[n][n];
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            if (events.length == 0) {
                continue;
            }
            int[] trace = new int[events.length];
            for (int i = 0; i < events.length; i++) {
                trace[i] = log.activity(events[i]);
                frequency[trace[i]]++;
            }
            starts[trace[0]]++;
            ends[trace[trace.length - 1]]++;
            for (int i = 0; i + 1 < trace.length; i++) {
                follows[trace[i]][trace[i + 1]]++;
                if (i + 2 < trace.length && trace[i] == trace[i + 2] && trace[i] != trace[i + 1]) {
                    loopTwo[trace[i]][trace[i + 1]]++;
                }
            }
        }
        int positive = parameters.positiveObservations();
        boolean[] loopOne = new boolean[n];
        List<HeuristicsNet.DependencyEdge> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double dependency = follows[a][a] / (follows[a][a] + 1.0);
            if (follows[a][a] >= positive && dependency >= parameters.loopOneThreshold()) {
                loopOne[a] = true;
                edges.add(new HeuristicsNet.DependencyEdge(log.activityName(a), log.activityName(a), follows[a][a], dependency,
                        HeuristicsNet.DependencyEdge.LOOP_ONE));
            }
        }
        boolean[][] added = new boolean[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) {
                    continue;
                }
                long ab = follows[a][b];
                long ba = follows[b][a];
                double dependency = (ab - ba) / (ab + ba + 1.0);
                if (ab >= positive && dependency >= parameters.dependencyThreshold()) {
                    edges.add(new HeuristicsNet.DependencyEdge(log.activityName(a), log.activityName(b), ab, dependency, null));
                    added[a][b] = true;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b || loopOne[a] || loopOne[b] || added[a][b] || follows[a][b] == 0) {
                    continue;
                }
                long pattern = loopTwo[a][b] + loopTwo[b][a];
                double dependency = pattern / (pattern + 1.0);
                if (pattern >= positive && dependency >= parameters.loopTwoThreshold()) {
                    edges.add(new HeuristicsNet.DependencyEdge(log.activityName(a), log.activityName(b), follows[a][b], dependency,
                            HeuristicsNet.DependencyEdge.LOOP_TWO));
                }
            }
        }
        edges.sort(Comparator.comparingLong(HeuristicsNet.DependencyEdge::frequency).reversed()
                .thenComparing(HeuristicsNet.DependencyEdge::source).thenComparing(HeuristicsNet.DependencyEdge::target));
        List<HeuristicsNet.NetActivity> activities = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (frequency[a] > 0) {
                activities.add(new HeuristicsNet.NetActivity(log.activityName(a), frequency[a]));
            }
        }
        activities.sort(Comparator.comparingLong(HeuristicsNet.NetActivity::frequency).reversed()
                .thenComparing(HeuristicsNet.NetActivity::name));
        return new HeuristicsNet(activities, edges, counts(log, starts, positive), counts(log, ends, positive),
                parameters);
    }

    private static Map<String, Long> counts(EventLog log, long[] perActivity, int positive) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (int a = 0; a < perActivity.length; a++) {
            if (perActivity[a] >= positive) {
                entries.add(Map.entry(log.activityName(a), perActivity[a]));
            }
        }
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
