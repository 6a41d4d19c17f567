package io.clearflow.mining.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.mining.SharedData;
import io.clearflow.mining.conformance.AlignmentReport.Move;
import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentsTest {

    /** source -a-> p1 -b-> p2 -c-> sink, optionally with a silent transition skipping b. */
    static PetriNet sequence(boolean skipB) {
        PetriNet net = new PetriNet();
        int source = net.addPlace("source");
        int p1 = net.addPlace("p1");
        int p2 = net.addPlace("p2");
        int sink = net.addPlace("sink");
        net.addTransition("a", new int[]{source}, new int[]{p1});
        net.addTransition("b", new int[]{p1}, new int[]{p2});
        if (skipB) {
            net.addTransition(null, new int[]{p1}, new int[]{p2});
        }
        net.addTransition("c", new int[]{p2}, new int[]{sink});
        net.setSource(source);
        net.setSink(sink);
        return net;
    }

    @Test
    void handComputedCostsAndPm4pyFitnessOnASequence() {
        PetriNet net = sequence(false);
        // the empty trace needs a, b, c on the model: best-worst cost 30000
        Alignments.Result skipped = Alignments.alignTrace(List.of("a", "c"), net);
        assertThat(skipped.cost()).isEqualTo(10_000);
        assertThat(skipped.bestWorstCost()).isEqualTo(20_000 + 30_000);
        assertThat(skipped.fitness()).isCloseTo(1 - 1.0 / 5, within(1e-12));
        assertThat(skipped.moves()).containsExactly(new Move(Move.Kind.SYNC, "a"), new Move(Move.Kind.MODEL, "b"),
                new Move(Move.Kind.SYNC, "c"));
        Alignments.Result extra = Alignments.alignTrace(List.of("a", "b", "x", "c"), net);
        assertThat(extra.cost()).isEqualTo(10_000);
        assertThat(extra.moves()).contains(new Move(Move.Kind.LOG, "x"));
        assertThat(extra.fitness()).isCloseTo(1 - 1.0 / 7, within(1e-12));
        // swapped b and c: one log move and one model move
        Alignments.Result swapped = Alignments.alignTrace(List.of("a", "c", "b"), net);
        assertThat(swapped.cost()).isEqualTo(20_000);
        assertThat(swapped.logMoves()).isEqualTo(1);
        assertThat(swapped.modelMoves()).isEqualTo(1);

        // log fitness = 1 - sum(cost) / sum(bwc): (10000 + 20000) / (50000 + 60000)
        AlignmentReport report = Alignments.align(ConformanceTest.toLog(List.of(List.of("a", "c"),
                List.of("a", "c", "b"), List.of("a", "b", "c"))), net);
        assertThat(report.fitness()).isCloseTo(1 - 30_000.0 / (50_000 + 60_000 + 60_000), within(1e-12));
        assertThat(report.averageCaseFitness()).isCloseTo((0.8 + (1 - 2.0 / 6) + 1.0) / 3, within(1e-12));
        assertThat(report.fittingCases()).isEqualTo(1);
        assertThat(report.nonFittingCaseCount()).isEqualTo(2);
        // <a, c> is one model move b; <a, c, b> has two optimal alignments (b or c out of place), each one log
        // and one model move: three deviating moves, in two cases
        assertThat(report.deviations().stream().mapToLong(d -> d.logMoves() + d.modelMoves()).sum()).isEqualTo(3);
        assertThat(report.deviations().stream().mapToLong(d -> d.logMoves()).sum()).isEqualTo(1);
        assertThat(report.deviations()).anySatisfy(d -> {
            assertThat(d.activity()).isEqualTo("b");
            assertThat(d.modelMoves()).isPositive();
        });
        assertThat(report.nonFittingCases()).extracting(AlignmentReport.CaseAlignment::caseId)
                .containsExactly("case1", "case0");
    }

    @Test
    void silentStepsCostOneAsInPm4py() {
        // with a silent skip, <a, c> fits: cost 1 (the tau), trace fitness 1, log fitness just below 1
        PetriNet net = sequence(true);
        Alignments.Result r = Alignments.alignTrace(List.of("a", "c"), net);
        assertThat(r.cost()).isEqualTo(1);
        assertThat(r.bestWorstCost()).isEqualTo(20_000 + 20_001);
        assertThat(r.fitness()).isEqualTo(1.0);
        AlignmentReport report = Alignments.align(ConformanceTest.toLog(List.of(List.of("a", "c"))), net);
        assertThat(report.fitness()).isCloseTo(1 - 1.0 / 40_001, within(1e-12));
        assertThat(report.fittingCases()).isEqualTo(1);
    }

    /**
     * pm4py issue #510 (process-intelligence-solutions/pm4py): the trace A B C C C D E on an inductive-miner net
     * with C in a loop whose redo is silent gives pm4py's {'cost': 2, 'fitness': 1.0, 'bwc': 120000}.
     */
    @Test
    void reproducesPm4pysFiguresForALoopWithASilentRedo() {
        PetriNet net = new PetriNet();
        int source = net.addPlace("source");
        int p1 = net.addPlace("p1");
        int p2 = net.addPlace("p2");
        int p3 = net.addPlace("p3");
        int p4 = net.addPlace("p4");
        int sink = net.addPlace("sink");
        net.addTransition("A", new int[]{source}, new int[]{p1});
        net.addTransition("B", new int[]{p1}, new int[]{p2});
        net.addTransition("C", new int[]{p2}, new int[]{p3});
        net.addTransition(null, new int[]{p3}, new int[]{p2});
        net.addTransition("D", new int[]{p3}, new int[]{p4});
        net.addTransition("E", new int[]{p4}, new int[]{sink});
        net.setSource(source);
        net.setSink(sink);
        Alignments.Result r = Alignments.alignTrace(List.of("A", "B", "C", "C", "C", "D", "E"), net);
        assertThat(r.cost()).isEqualTo(2);
        assertThat(r.fitness()).isEqualTo(1.0);
        assertThat(r.bestWorstCost()).isEqualTo(120_000);
    }

    /**
     * A second, independent computation: the cost of an optimal alignment is the least, over the model's complete
     * runs, of 10000 x (|trace| + |run's activities| - 2 LCS) + silent steps; the runs are enumerated
     * breadth-first on the running example's net (with its loop), up to a length the trace cannot profit beyond.
     */
    @Test
    void equalsABruteForceOverTheModelsRunsOnTheRunningExample() throws Exception {
        PetriNet net = ConformanceTest.runningExample();
        EventLog log = SharedData.load("running-example.xes");
        List<List<String>> traces = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            List<String> trace = new ArrayList<>();
            for (int e : log.completeEvents(c)) {
                trace.add(log.activityName(log.activity(e)));
            }
            traces.add(trace);
        }
        Random random = new Random(7);
        List<String> labels = new ArrayList<>(net.labels());
        labels.sort(null);
        List<List<String>> noisy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> t = new ArrayList<>(traces.get(random.nextInt(traces.size())));
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int kind = random.nextInt(4);
                if (kind == 0 && t.size() > 1) {
                    t.remove(random.nextInt(t.size()));
                } else if (kind == 1) {
                    t.add(random.nextInt(t.size() + 1), labels.get(random.nextInt(labels.size())));
                } else if (kind == 2 && t.size() > 1) {
                    int j = random.nextInt(t.size() - 1);
                    t.set(j, t.set(j + 1, t.get(j)));
                } else {
                    t.add(random.nextInt(t.size() + 1), "unknown activity");
                }
            }
            noisy.add(t);
        }
        Map<List<String>, Integer> runs = runs(net, 17);
        int emptyBrute = runs.entrySet().stream().mapToInt(e -> e.getKey().size() * 10_000 + e.getValue()).min()
                .orElseThrow();
        for (List<String> trace : concat(traces, noisy)) {
            Alignments.Result r = Alignments.alignTrace(trace, net);
            long brute = Long.MAX_VALUE;
            for (Map.Entry<List<String>, Integer> run : runs.entrySet()) {
                int lcs = lcs(trace, run.getKey());
                brute = Math.min(brute, 10_000L * (trace.size() + run.getKey().size() - 2L * lcs) + run.getValue());
            }
            assertThat(r.cost()).as("cost of %s", trace).isEqualTo(brute);
            assertThat(r.bestWorstCost()).isEqualTo(trace.size() * 10_000L + emptyBrute);
            // the moves replay: synchronous and log moves give back the trace
            List<String> replayed = r.moves().stream().filter(m -> m.kind() == Move.Kind.SYNC || m.kind() == Move.Kind.LOG)
                    .map(Move::activity).toList();
            assertThat(replayed).isEqualTo(trace);
        }
        // the real log fits its textbook model: trace fitness 1 for every case
        AlignmentReport report = Alignments.align(log, net);
        assertThat(report.averageCaseFitness()).isEqualTo(1.0);
        assertThat(report.fittingCases()).isEqualTo(log.caseCount());
        assertThat(report.variants()).isLessThanOrEqualTo(log.caseCount());
    }

    /**
     * IMf with noise 0 guarantees a model that fits its log perfectly: every case's optimal alignment has no log or
     * model move. With noise 0.2 the figures are printed for the README.
     */
    @Test
    void discoveredModelsAlignWithTheirOwnLogs() throws Exception {
        for (String name : List.of("running-example.xes", "reviewing.xes", "roadtraffic100traces.xes",
                "helpdesk.xes.gz", "receipt.csv", "interval_event_log.xes")) {
            EventLog log = SharedData.load(name);
            AlignmentReport exact = Alignments.align(log, BpmnToPetriNet.convert(
                    io.clearflow.mining.discovery.DiscoveryService.discoverBpmn(log, 0, name, "role-process-owner")));
            AlignmentReport filtered = Alignments.align(log, BpmnToPetriNet.convert(
                    io.clearflow.mining.discovery.DiscoveryService.discoverBpmn(log, 0.2, name, "role-process-owner")));
            System.out.printf("alignments of the discovered model on %s: noise 0: fitness %.4f, case fitness %.4f, "
                            + "fitting %d/%d; noise 0.2: fitness %.4f, case fitness %.4f, fitting %d/%d, unaligned %d%n",
                    name, exact.fitness(), exact.averageCaseFitness(), exact.fittingCases(), exact.cases(),
                    filtered.fitness(), filtered.averageCaseFitness(), filtered.fittingCases(), filtered.cases(),
                    filtered.unalignedCases());
            assertThat(exact.unalignedCases()).as(name).isZero();
            assertThat(exact.fittingCases()).as(name).isEqualTo(log.caseCount());
            assertThat(exact.averageCaseFitness()).as(name).isEqualTo(1.0);
            assertThat(filtered.fitness()).as(name).isGreaterThan(0.5).isLessThanOrEqualTo(exact.fitness() + 1e-9);
        }
    }

    @Test
    void aVariantBeyondTheStateLimitIsLeftOutAndSaid() {
        PetriNet net = sequence(false);
        AlignmentReport report = Alignments.align(ConformanceTest.toLog(List.of(List.of("a", "b", "c"),
                List.of("c", "b", "a", "a", "b"))), net, 3);
        assertThat(report.unalignedCases()).isEqualTo(1);
        assertThat(report.alignedCases()).isEqualTo(1);
        assertThat(report.fitness()).isEqualTo(1.0);
    }

    @Test
    void variantsBeyondTheTimeBudgetAreLeftOutAndSaid() {
        PetriNet net = BpmnToPetriNet.convert(io.clearflow.mining.bench.AlignmentBenchmark.thirtyActivityModel()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> reversed = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            reversed.add(String.format("t%02d", i));
        }
        EventLog log = ConformanceTest.toLog(List.of(reversed));
        // the reversed trace needs far more than 1024 states: with no time it is given up at the first check
        AlignmentReport none = Alignments.align(log, net, Alignments.DEFAULT_STATE_LIMIT, java.time.Duration.ZERO);
        assertThat(none.unalignedCases()).isEqualTo(1);
        assertThat(none.alignedCases()).isZero();
        AlignmentReport enough = Alignments.align(log, net);
        assertThat(enough.alignedCases()).isEqualTo(1);
        AlignmentReport.CaseAlignment aligned = enough.nonFittingCases().get(0);
        assertThat(aligned.cost() / Alignments.MOVE_COST).isEqualTo(aligned.logMoves() + aligned.modelMoves()).isPositive();
    }

    private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
        List<List<String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Complete runs' visible sequences (at most maxVisible activities) with their fewest silent steps. */
    private static Map<List<String>, Integer> runs(PetriNet net, int maxVisible) {
        record State(List<Integer> marking, List<String> visible, int taus) {
        }
        Map<List<String>, Integer> complete = new HashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        List<State> frontier = new ArrayList<>();
        List<Integer> start = new ArrayList<>();
        for (int p = 0; p < net.placeCount(); p++) {
            start.add(p == net.source() ? 1 : 0);
        }
        frontier.add(new State(start, List.of(), 0));
        while (!frontier.isEmpty()) {
            List<State> next = new ArrayList<>();
            for (State s : frontier) {
                boolean done = true;
                for (int p = 0; p < net.placeCount(); p++) {
                    done &= s.marking().get(p) == (p == net.sink() ? 1 : 0);
                }
                if (done) {
                    complete.merge(s.visible(), s.taus(), Math::min);
                }
                for (PetriNet.Transition t : net.transitions()) {
                    List<Integer> m = new ArrayList<>(s.marking());
                    boolean on = true;
                    for (int p : t.inputs()) {
                        on &= m.get(p) > 0;
                        m.set(p, m.get(p) - 1);
                    }
                    if (!on) {
                        continue;
                    }
                    for (int p : t.outputs()) {
                        m.set(p, m.get(p) + 1);
                    }
                    List<String> visible = new ArrayList<>(s.visible());
                    if (t.visible()) {
                        visible.add(t.label());
                    }
                    int taus = s.taus() + (t.visible() ? 0 : 1);
                    if (visible.size() <= maxVisible && taus <= 3 * maxVisible
                            && seen.add(List.of(m, visible, taus))) {
                        next.add(new State(m, visible, taus));
                    }
                }
            }
            frontier = next;
        }
        return complete;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] d = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                d[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
            }
        }
        return d[a.size()][b.size()];
    }
}
