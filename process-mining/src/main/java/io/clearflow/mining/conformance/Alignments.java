package io.clearflow.mining.conformance;

import io.clearflow.mining.conformance.AlignmentReport.ActivityDeviation;
import io.clearflow.mining.conformance.AlignmentReport.CaseAlignment;
import io.clearflow.mining.conformance.AlignmentReport.Move;
import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimal alignments (Adriansyah 2014) of each case on a workflow net, by A* over the synchronous product
 * of the trace and the net, with pm4py's standard cost function so that its fitness figures are reproduced:
 * a log move or a move on a visible transition costs {@value #MOVE_COST}, a silent transition
 * {@value #TAU_COST}, a synchronous move 0. A case's fitness is pm4py's
 * {@code 1 - (cost div 10000) / ((len * 10000 + bestWorst) div 10000)}, where bestWorst is the cost of
 * aligning the empty trace (the cheapest way through the model); the log's fitness is
 * {@code 1 - sum(cost) / sum(len * 10000 + bestWorst)} over the cases, as pm4py's alignment-based
 * replay fitness. Each variant is aligned once ({@link AlignmentSearch}), the variants in parallel.
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

    private Alignments() {
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
        AlignmentSearch aligner = new AlignmentSearch(net, stateLimit, budget);
        Map<List<String>, List<Integer>> variants = new LinkedHashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            List<String> trace = new ArrayList<>(events.length);
            for (int e : events) {
                trace.add(log.activityName(log.activity(e)));
            }
            variants.computeIfAbsent(trace, k -> new ArrayList<>()).add(c);
        }
        Result empty = aligner.alignEmpty();
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
        AlignmentSearch aligner = new AlignmentSearch(net, DEFAULT_STATE_LIMIT, DEFAULT_BUDGET);
        Result empty = aligner.alignEmpty();
        return aligner.align(trace, empty == null ? 0 : empty.cost());
    }
}
