package io.clearflow.mining.bench;

import io.clearflow.mining.conformance.AlignmentReport;
import io.clearflow.mining.conformance.Alignments;
import io.clearflow.mining.conformance.BpmnToPetriNet;
import io.clearflow.mining.conformance.NetPlayOut;
import io.clearflow.mining.conformance.PetriNet;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: the alignment figure. A 30-activity BPMN model (sequences, two exclusive choices, two
 * parallel blocks and a loop) is played out into 10,000 cases, 30 % of which get one to three random edits
 * (an event removed, a foreign one inserted, two swapped); the log is aligned on the model (each variant once, the
 * variants in parallel on all cores) and the wall time printed, best and median of the runs.
 * Arguments: cases (10000), runs (3).
 */
public final class AlignmentBenchmark {

    private AlignmentBenchmark() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PetriNet net = BpmnToPetriNet.convert(thirtyActivityModel().getBytes(StandardCharsets.UTF_8));
        EventLog log = noisyLog(net, cases, 0.3, 2026);
        System.out.printf("cores %d, %d cases, %d events, %d activities in the model%n",
                Runtime.getRuntime().availableProcessors(), log.caseCount(), log.eventCount(), net.labels().size());
        long[] times = new long[runs];
        AlignmentReport report = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            report = Alignments.align(log, net);
            times[run] = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %d ms%n", run + 1, times[run]);
        }
        java.util.Arrays.sort(times);
        System.out.printf("alignments: median %d ms, best %d ms; %d variants, fitness %.4f, average case fitness %.4f, "
                        + "fitting %d, unaligned %d%n", times[runs / 2], times[0], report.variants(), report.fitness(),
                report.averageCaseFitness(), report.fittingCases(), report.unalignedCases());
    }

    /** The model as BPMN text: 30 tasks t01..t30. */
    public static String thirtyActivityModel() {
        Bpmn b = new Bpmn();
        String last = b.node("startEvent", "start", null);
        last = b.tasks(last, 1, 3);
        // exclusive choice of t04 | t05 | t06
        String x1 = b.node("exclusiveGateway", "x1", null);
        String x2 = b.node("exclusiveGateway", "x2", null);
        b.flow(last, x1);
        for (int i = 4; i <= 6; i++) {
            b.flow(b.tasks(x1, i, i), x2);
        }
        // parallel: t07 t08 t09 || t10 t11 || t12
        String p1 = b.node("parallelGateway", "p1", null);
        String p2 = b.node("parallelGateway", "p2", null);
        b.flow(x2, p1);
        b.flow(b.tasks(p1, 7, 9), p2);
        b.flow(b.tasks(p1, 10, 11), p2);
        b.flow(b.tasks(p1, 12, 12), p2);
        last = b.tasks(p2, 13, 14);
        // loop over t15 t16
        String l1 = b.node("exclusiveGateway", "l1", null);
        String l2 = b.node("exclusiveGateway", "l2", null);
        b.flow(last, l1);
        b.flow(b.tasks(l1, 15, 16), l2);
        b.flow(l2, l1);
        // parallel: t17 || t18 || t19 || t20
        String p3 = b.node("parallelGateway", "p3", null);
        String p4 = b.node("parallelGateway", "p4", null);
        b.flow(l2, p3);
        for (int i = 17; i <= 20; i++) {
            b.flow(b.tasks(p3, i, i), p4);
        }
        // exclusive: t21 t22 | t23 | skip
        String x3 = b.node("exclusiveGateway", "x3", null);
        String x4 = b.node("exclusiveGateway", "x4", null);
        b.flow(p4, x3);
        b.flow(b.tasks(x3, 21, 22), x4);
        b.flow(b.tasks(x3, 23, 23), x4);
        b.flow(x3, x4);
        last = b.tasks(x4, 24, 30);
        b.flow(last, b.node("endEvent", "end", null));
        return b.xml();
    }

    /** Random play-out of the net; a share of the cases then gets one to three random edits. */
    public static EventLog noisyLog(PetriNet net, int cases, double noisyShare, long seed) {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>(net.labels());
        labels.sort(null);
        EventLogBuilder builder = new EventLogBuilder("alignment-bench");
        long time = 1_700_000_000_000L;
        int made = 0;
        while (made < cases) {
            List<String> trace = NetPlayOut.once(net, random, 400);
            if (trace == null) {
                continue;
            }
            if (random.nextDouble() < noisyShare) {
                int edits = 1 + random.nextInt(3);
                for (int k = 0; k < edits && trace.size() > 2; k++) {
                    int at = random.nextInt(trace.size() - 1);
                    switch (random.nextInt(3)) {
                        case 0 -> trace.remove(at);
                        case 1 -> trace.add(at, labels.get(random.nextInt(labels.size())));
                        default -> trace.set(at, trace.set(at + 1, trace.get(at)));
                    }
                }
            }
            for (String activity : trace) {
                builder.add("case" + made, activity, time += 60_000, null, null, null, null, null);
            }
            made++;
        }
        return builder.build();
    }

    private static final class Bpmn {
        private final StringBuilder body = new StringBuilder();
        private int flows;

        String node(String kind, String id, String name) {
            body.append('<').append(kind).append(" id=\"").append(id).append('"');
            if (name != null) {
                body.append(" name=\"").append(name).append('"');
            }
            body.append("/>\n");
            return id;
        }

        void flow(String from, String to) {
            body.append("<sequenceFlow id=\"f").append(++flows).append("\" sourceRef=\"").append(from)
                    .append("\" targetRef=\"").append(to).append("\"/>\n");
        }

        /** Tasks tFROM..tTO in sequence after {@code from}; returns the last. */
        String tasks(String from, int first, int last) {
            String previous = from;
            for (int i = first; i <= last; i++) {
                String id = String.format("t%02d", i);
                node("task", id, id);
                flow(previous, id);
                previous = id;
            }
            return previous;
        }

        String xml() {
            return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"bench\">"
                    + "<process id=\"bench\">\n" + body + "</process></definitions>";
        }
    }
}
