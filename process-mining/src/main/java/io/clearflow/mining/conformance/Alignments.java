package io.clearflow.mining.conformance;

import io.clearflow.mining.conformance.AlignmentReport.ActivityDeviation;
import io.clearflow.mining.conformance.AlignmentReport.CaseAlignment;
import io.clearflow.mining.conformance.AlignmentReport.Move;
import io.clearflow.mining.conformance.PetriNet.Transition;
import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Optimal alignments (Adriansyah 2014) of each case on a workflow net, by A* over the synchronous product
 * of the trace and the net, with pm4py's standard cost function so that its fitness figures are reproduced:
 * a log move or a move on a visible transition costs {@value #MOVE_COST}, a silent transition
 * {@value #TAU_COST}, a synchronous move 0. A case's fitness is pm4py's
 * {@code 1 - (cost div 10000) / ((len * 10000 + bestWorst) div 10000)}, where bestWorst is the cost of
 * aligning the empty trace (the cheapest way through the model); the log's fitness is
 * {@code 1 - sum(cost) / sum(len * 10000 + bestWorst)} over the cases, as pm4py's alignment-based
 * replay fitness. Each variant is aligned once, the variants in parallel.
 *
 * <p>The heuristic counts the remaining events whose activity has no transition (each must be a log move);
 * it is consistent, so the first goal taken from the queue is optimal. A variant whose search exceeds the
 * state limit is left unaligned and out of the figures, as pm4py leaves out a trace that timed out.
 */
public final class Alignments {

    public static final int MOVE_COST = 10_000;
    public static final int TAU_COST = 1;
    /** Search states per variant before it is given up: each holds a marking, so this bounds a search to ~80 MB. */
    public static final int DEFAULT_STATE_LIMIT = 200_000;
    /** Time for one log's alignments; variants not aligned by then count as unaligned (a request must end). */
    public static final java.time.Duration DEFAULT_BUDGET = java.time.Duration.ofSeconds(120);
    private static final int LISTED_CASES = 200;

    private final PetriNet net;
    private final int stateLimit;
    private final int[] finalMarking;
    private final long deadline;

    private Alignments(PetriNet net, int stateLimit, java.time.Duration budget) {
        this.net = net;
        this.stateLimit = stateLimit;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.finalMarking = new int[net.placeCount()];
        finalMarking[net.sink()] = 1;
    }

    /** One trace's optimal alignment, or {@code null} when the state limit was reached first. */
    public record Result(List<Move> moves, long cost, long bestWorstCost) {
        /** pm4py: {@code 1 - (cost // 10000) / (bwc // 10000)}, where bwc includes the trace's log moves. */
        public double fitness() {
            long denominator = bestWorstCost / MOVE_COST;
            return denominator == 0 ? 1.0 : 1.0 - (double) (cost / MOVE_COST) / denominator;
        }

        public int logMoves() {
            return (int) moves.stream().filter(m -> m.kind() == Move.Kind.LOG).count();
        }

        public int modelMoves() {
            return (int) moves.stream().filter(m -> m.kind() == Move.Kind.MODEL).count();
        }
    }

    public static AlignmentReport align(EventLog log, PetriNet net) {
        return align(log, net, DEFAULT_STATE_LIMIT);
    }

    public static AlignmentReport align(EventLog log, PetriNet net, int stateLimit) {
        return align(log, net, stateLimit, DEFAULT_BUDGET);
    }

    public static AlignmentReport align(EventLog log, PetriNet net, int stateLimit, java.time.Duration budget) {
        Alignments aligner = new Alignments(net, stateLimit, budget);
        Map<List<String>, List<Integer>> variants = new LinkedHashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            List<String> trace = new ArrayList<>(events.length);
            for (int e : events) {
                trace.add(log.activityName(log.activity(e)));
            }
            variants.computeIfAbsent(trace, k -> new ArrayList<>()).add(c);
        }
        Result empty = aligner.align(List.of());
        long emptyCost = empty == null ? 0 : empty.cost();
        List<List<String>> traces = new ArrayList<>(variants.keySet());
        Result[] results = new Result[traces.size()];
        java.util.stream.IntStream.range(0, traces.size()).parallel()
                .forEach(i -> results[i] = aligner.align(traces.get(i), emptyCost));

        long costSum = 0;
        long bestWorstSum = 0;
        double fitnessSum = 0;
        int aligned = 0;
        int fitting = 0;
        int nonFittingCount = 0;
        int unaligned = 0;
        List<CaseAlignment> listed = new ArrayList<>();
        Map<String, long[]> deviations = new HashMap<>(); // {log moves, model moves, cases}
        for (int v = 0; v < traces.size(); v++) {
            Result r = results[v];
            List<Integer> cases = variants.get(traces.get(v));
            if (r == null) {
                unaligned += cases.size();
                continue;
            }
            int n = cases.size();
            aligned += n;
            costSum += r.cost() * n;
            bestWorstSum += r.bestWorstCost() * n;
            fitnessSum += r.fitness() * n;
            if (r.cost() / MOVE_COST == 0) {
                fitting += n;
                continue;
            }
            nonFittingCount += n;
            Map<String, long[]> perActivity = new HashMap<>();
            for (Move m : r.moves()) {
                if (m.kind() == Move.Kind.LOG) {
                    perActivity.computeIfAbsent(m.activity(), k -> new long[2])[0]++;
                } else if (m.kind() == Move.Kind.MODEL) {
                    perActivity.computeIfAbsent(m.activity(), k -> new long[2])[1]++;
                }
            }
            perActivity.forEach((activity, counts) -> {
                long[] total = deviations.computeIfAbsent(activity, k -> new long[3]);
                total[0] += counts[0] * n;
                total[1] += counts[1] * n;
                total[2] += n;
            });
            for (int c : cases) {
                listed.add(new CaseAlignment(log.caseId(c), r.fitness(), r.cost(), r.logMoves(), r.modelMoves(),
                        r.moves()));
            }
        }
        listed.sort(Comparator.comparingDouble(CaseAlignment::fitness).thenComparing(CaseAlignment::caseId));
        List<CaseAlignment> worst = new ArrayList<>(listed.subList(0, Math.min(LISTED_CASES, listed.size())));
        List<ActivityDeviation> deviationList = new ArrayList<>();
        deviations.forEach((activity, d) -> deviationList.add(new ActivityDeviation(activity, d[0], d[1], d[2])));
        deviationList.sort(Comparator.comparingLong((ActivityDeviation d) -> d.logMoves() + d.modelMoves()).reversed()
                .thenComparing(ActivityDeviation::activity));
        double fitness = bestWorstSum == 0 ? 1.0 : 1.0 - (double) costSum / bestWorstSum;
        return new AlignmentReport(fitness, aligned == 0 ? 1.0 : fitnessSum / aligned, log.caseCount(), aligned,
                unaligned, fitting, aligned == 0 ? 1.0 : (double) fitting / aligned, nonFittingCount, traces.size(),
                worst, deviationList);
    }

    /** The optimal alignment of one trace (the cost of the empty trace's is computed first). */
    public static Result alignTrace(List<String> trace, PetriNet net) {
        Alignments aligner = new Alignments(net, DEFAULT_STATE_LIMIT, DEFAULT_BUDGET);
        Result empty = aligner.align(List.of());
        return aligner.align(trace, empty == null ? 0 : empty.cost());
    }

    private Result align(List<String> trace) {
        return align(trace, 0);
    }

    private static final class Node {
        final int[] marking;
        final int position;
        final long cost;
        final long estimate;
        final Node previous;
        final Move move;
        final int hash;

        Node(int[] marking, int position, long cost, long estimate, Node previous, Move move) {
            this.marking = marking;
            this.position = position;
            this.cost = cost;
            this.estimate = estimate;
            this.previous = previous;
            this.move = move;
            this.hash = 31 * Arrays.hashCode(marking) + position;
        }
    }

    private record Key(Node node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.node.position == node.position && k.node.hash == node.hash
                    && Arrays.equals(k.node.marking, node.marking);
        }

        @Override
        public int hashCode() {
            return node.hash;
        }
    }

    private Result align(List<String> trace, long emptyCost) {
        int n = trace.size();
        // suffix count of events that can only be log moves: the admissible, consistent heuristic
        long[] forcedLogMoves = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            forcedLogMoves[i] = forcedLogMoves[i + 1] + (net.transitions(trace.get(i)).isEmpty() ? MOVE_COST : 0);
        }
        // f = cost + estimate; among equal f the state further in the trace first, which reaches the goal sooner
        PriorityQueue<Node> open = new PriorityQueue<>(Comparator.comparingLong((Node x) -> x.cost + x.estimate)
                .thenComparing(x -> -x.position));
        Map<Key, Long> best = new HashMap<>();
        int[] start = new int[net.placeCount()];
        start[net.source()] = 1;
        Node first = new Node(start, 0, 0, forcedLogMoves[0], null, null);
        open.add(first);
        best.put(new Key(first), 0L);
        int closed = 0;
        while (!open.isEmpty()) {
            Node node = open.poll();
            Long known = best.get(new Key(node));
            if (known != null && known < node.cost) {
                continue; // a cheaper way to this state was queued later
            }
            if (node.position == n && Arrays.equals(node.marking, finalMarking)) {
                return result(node, n, emptyCost);
            }
            if (++closed > stateLimit || ((closed & 1023) == 0 && System.nanoTime() > deadline)) {
                return null;
            }
            String next = node.position < n ? trace.get(node.position) : null;
            if (next != null) {
                push(open, best, new Node(node.marking, node.position + 1, node.cost + MOVE_COST,
                        forcedLogMoves[node.position + 1], node, new Move(Move.Kind.LOG, next)));
            }
            for (Transition t : net.transitions()) {
                if (!enabled(t, node.marking)) {
                    continue;
                }
                int[] fired = fire(t, node.marking);
                if (!t.visible()) {
                    push(open, best, new Node(fired, node.position, node.cost + TAU_COST,
                            forcedLogMoves[node.position], node, new Move(Move.Kind.TAU, null)));
                    continue;
                }
                if (t.label().equals(next)) {
                    push(open, best, new Node(fired, node.position + 1, node.cost,
                            forcedLogMoves[node.position + 1], node, new Move(Move.Kind.SYNC, next)));
                }
                push(open, best, new Node(fired, node.position, node.cost + MOVE_COST,
                        forcedLogMoves[node.position], node, new Move(Move.Kind.MODEL, t.label())));
            }
        }
        return null; // the final marking is unreachable: no alignment exists
    }

    private static void push(PriorityQueue<Node> open, Map<Key, Long> best, Node node) {
        Key key = new Key(node);
        Long known = best.get(key);
        if (known == null || node.cost < known) {
            best.put(key, node.cost);
            open.add(node);
        }
    }

    private static Result result(Node goal, int traceLength, long emptyCost) {
        List<Move> moves = new ArrayList<>();
        for (Node x = goal; x.move != null; x = x.previous) {
            moves.add(x.move);
        }
        java.util.Collections.reverse(moves);
        return new Result(List.copyOf(moves), goal.cost, (long) traceLength * MOVE_COST + emptyCost);
    }

    private static boolean enabled(Transition t, int[] marking) {
        for (int p : t.inputs()) {
            if (marking[p] == 0) {
                return false;
            }
        }
        // an input place may be listed twice (two arcs): it then needs two tokens
        if (t.inputs().length > 1) {
            for (int i = 0; i < t.inputs().length; i++) {
                int needed = 0;
                for (int p : t.inputs()) {
                    if (p == t.inputs()[i]) {
                        needed++;
                    }
                }
                if (marking[t.inputs()[i]] < needed) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] fire(Transition t, int[] marking) {
        int[] next = marking.clone();
        for (int p : t.inputs()) {
            next[p]--;
        }
        for (int p : t.outputs()) {
            next[p]++;
        }
        return next;
    }
}
