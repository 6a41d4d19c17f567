package io.clearflow.mining.conformance;

import io.clearflow.mining.conformance.ConformanceReport.CaseFitness;
import io.clearflow.mining.conformance.ConformanceReport.Deviation;
import io.clearflow.mining.conformance.PetriNet.Transition;
import io.clearflow.mining.log.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token-based replay (Rozinat and van der Aalst; pm4py's formula): each case's activities fire their
 * transitions in order. A transition that is not enabled is first enabled by the shortest sequence of
 * silent transitions, if one exists; otherwise the missing tokens are created and counted. At the end
 * silent transitions lead to the sink where possible; tokens still elsewhere are remaining.
 * Fitness of a case = 1/2 (1 - missing/consumed) + 1/2 (1 - remaining/produced); the log's fitness
 * uses the sums over all cases. An activity the model does not have counts one missing and one
 * remaining token (as if its transition stood alone). Equal traces are replayed once.
 */
public final class TokenReplay {

    /** Markings explored when looking for silent transitions that enable the next one. */
    private static final int SEARCH_LIMIT = 5_000;
    private static final int LISTED_CASES = 200;

    private final PetriNet net;

    private TokenReplay(PetriNet net) {
        this.net = net;
    }

    private static final class TraceResult {
        long missing;
        long remaining;
        long consumed;
        long produced;
        final Map<String, long[]> perActivity = new LinkedHashMap<>(); // {missing, remaining}

        double fitness() {
            return 0.5 * (1 - (consumed == 0 ? 0 : (double) missing / consumed))
                    + 0.5 * (1 - (produced == 0 ? 0 : (double) remaining / produced));
        }

        boolean fits() {
            return missing == 0 && remaining == 0;
        }
    }

    public static ConformanceReport replay(EventLog log, PetriNet net) {
        TokenReplay replay = new TokenReplay(net);
        Map<List<String>, TraceResult> byTrace = new HashMap<>();
        long missing = 0;
        long remaining = 0;
        long consumed = 0;
        long produced = 0;
        double fitnessSum = 0;
        int fitting = 0;
        List<CaseFitness> nonFitting = new ArrayList<>();
        int nonFittingCount = 0;
        Map<String, long[]> deviations = new LinkedHashMap<>(); // {missing, remaining, cases}
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            List<String> trace = new ArrayList<>(events.length);
            for (int e : events) {
                trace.add(log.activityName(log.activity(e)));
            }
            TraceResult result = byTrace.computeIfAbsent(trace, replay::replayTrace);
            missing += result.missing;
            remaining += result.remaining;
            consumed += result.consumed;
            produced += result.produced;
            fitnessSum += result.fitness();
            if (result.fits()) {
                fitting++;
            } else {
                nonFittingCount++;
                if (nonFitting.size() < LISTED_CASES) {
                    nonFitting.add(new CaseFitness(log.caseId(c), result.fitness(), result.missing, result.remaining,
                            result.consumed, result.produced, trace));
                }
                result.perActivity.forEach((activity, counts) -> {
                    long[] total = deviations.computeIfAbsent(activity, k -> new long[3]);
                    total[0] += counts[0];
                    total[1] += counts[1];
                    total[2]++;
                });
            }
        }
        List<Deviation> deviationList = new ArrayList<>();
        deviations.forEach((activity, d) -> deviationList.add(new Deviation(activity, d[0], d[1], d[2])));
        deviationList.sort(Comparator.comparingLong((Deviation d) -> d.missingTokens() + d.remainingTokens()).reversed()
                .thenComparing(Deviation::activity));
        nonFitting.sort(Comparator.comparingDouble(CaseFitness::fitness).thenComparing(CaseFitness::caseId));
        int cases = log.caseCount();
        double fitness = cases == 0 ? 1.0 : 0.5 * (1 - (consumed == 0 ? 0 : (double) missing / consumed))
                + 0.5 * (1 - (produced == 0 ? 0 : (double) remaining / produced));
        return new ConformanceReport(fitness, cases == 0 ? 1.0 : fitnessSum / cases, cases, fitting,
                cases == 0 ? 1.0 : (double) fitting / cases, missing, remaining, consumed, produced,
                nonFittingCount, nonFitting, deviationList, null);
    }

    private TraceResult replayTrace(List<String> trace) {
        TraceResult r = new TraceResult();
        int[] marking = new int[net.placeCount()];
        marking[net.source()] = 1;
        r.produced = 1;
        for (String activity : trace) {
            List<Transition> candidates = net.transitions(activity);
            if (candidates.isEmpty()) {
                r.missing++;
                r.consumed++;
                r.produced++;
                r.remaining++;
                count(r, activity + " (not in model)", 1, 1);
                continue;
            }
            Transition chosen = null;
            for (Transition t : candidates) {
                if (enabled(t, marking)) {
                    chosen = t;
                    break;
                }
            }
            if (chosen == null) {
                List<Transition> path = silentPath(marking, m -> candidates.stream().anyMatch(t -> enabled(t, m)));
                if (path != null) {
                    for (Transition s : path) {
                        fire(s, marking, r);
                    }
                    chosen = candidates.stream().filter(t -> enabled(t, marking)).findFirst().orElseThrow();
                }
            }
            if (chosen == null) {
                chosen = candidates.get(0);
                for (int p : chosen.inputs()) {
                    if (marking[p] == 0) {
                        marking[p]++;
                        r.missing++;
                        count(r, activity, 1, 0);
                    }
                }
            }
            fire(chosen, marking, r);
        }
        int sink = net.sink();
        List<Transition> toEnd = silentPath(marking, m -> m[sink] > 0 && others(m, sink) == 0);
        if (toEnd == null) {
            toEnd = silentPath(marking, m -> m[sink] > 0);
        }
        if (toEnd != null) {
            for (Transition s : toEnd) {
                fire(s, marking, r);
            }
        }
        if (marking[sink] == 0) {
            r.missing++;
            marking[sink] = 1;
            count(r, "end", 1, 0);
        }
        r.consumed += marking[sink];
        marking[sink] = 0;
        for (int p = 0; p < marking.length; p++) {
            if (marking[p] > 0) {
                r.remaining += marking[p];
                count(r, net.placeLabel(p), 0, marking[p]);
            }
        }
        return r;
    }

    private static void count(TraceResult r, String activity, long missing, long remaining) {
        long[] counts = r.perActivity.computeIfAbsent(activity, k -> new long[2]);
        counts[0] += missing;
        counts[1] += remaining;
    }

    private static int others(int[] marking, int except) {
        int sum = 0;
        for (int p = 0; p < marking.length; p++) {
            if (p != except) {
                sum += marking[p];
            }
        }
        return sum;
    }

    private static boolean enabled(Transition t, int[] marking) {
        for (int p : t.inputs()) {
            if (marking[p] == 0) {
                return false;
            }
        }
        return true;
    }

    private static void fire(Transition t, int[] marking, TraceResult r) {
        for (int p : t.inputs()) {
            marking[p]--;
        }
        for (int p : t.outputs()) {
            marking[p]++;
        }
        r.consumed += t.inputs().length;
        r.produced += t.outputs().length;
    }

    interface Goal {
        boolean reached(int[] marking);
    }

    /** Breadth-first over silent firings: the shortest sequence reaching the goal, or null. */
    private List<Transition> silentPath(int[] start, Goal goal) {
        record State(int[] marking, State previous, Transition via) {
        }
        ArrayDeque<State> queue = new ArrayDeque<>();
        Map<Key, Boolean> seen = new HashMap<>();
        queue.add(new State(start.clone(), null, null));
        seen.put(new Key(start), true);
        while (!queue.isEmpty() && seen.size() < SEARCH_LIMIT) {
            State state = queue.poll();
            if (state.previous() != null && goal.reached(state.marking())) {
                List<Transition> path = new ArrayList<>();
                for (State s = state; s.via() != null; s = s.previous()) {
                    path.add(0, s.via());
                }
                return path;
            }
            for (Transition t : net.transitions()) {
                if (!t.visible() && enabled(t, state.marking())) {
                    int[] next = state.marking().clone();
                    for (int p : t.inputs()) {
                        next[p]--;
                    }
                    for (int p : t.outputs()) {
                        next[p]++;
                    }
                    if (seen.putIfAbsent(new Key(next), true) == null) {
                        queue.add(new State(next, state, t));
                    }
                }
            }
        }
        return null;
    }

    private record Key(int[] marking) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(marking, k.marking);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(marking);
        }
    }
}
