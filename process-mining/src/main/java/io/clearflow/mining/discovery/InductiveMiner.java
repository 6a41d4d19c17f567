package io.clearflow.mining.discovery;

import io.clearflow.mining.discovery.ProcessTree.Operator;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inductive miner, infrequent variant (IMf, Leemans et al. 2013), on the variants of a log.
 *
 * <p>Each step looks for a cut of the directly-follows graph (exclusive choice, sequence, parallel,
 * loop, tried in that order); the log is split along the cut and every part is mined again. When no
 * cut exists, the infrequent edges are filtered out (an edge is kept when its frequency is at least
 * {@code noise} times the most frequent edge leaving the same activity, start and end activities
 * likewise, as pm4py does) and the cuts are tried again; when still none fits, a fall-through
 * applies: an activity occurring once per trace is put in parallel, a trace that restarts is a tau
 * loop, and as a last resort the flower model allows any order. With {@code noise = 0} this is the
 * plain inductive miner (perfect fitness); a process tree is sound by construction.
 *
 * <p>This class holds the recursion, the base cases and the fall-throughs; {@link Cuts} finds the cuts on a
 * {@link DirectlyFollows} graph and {@link LogSplits} splits the log along them.
 */
public final class InductiveMiner {

    /** A trace (activity ids) with how many cases follow it. */
    record Trace(int[] activities, long count) {
    }

    private final String[] names;
    private final double noise;

    private InductiveMiner(String[] names, double noise) {
        this.names = names;
        this.noise = noise;
    }

    /** Mines the log's control flow (complete events, as for the DFG). */
    public static ProcessTree discover(EventLog log, double noise) {
        return discover(VariantMiner.mine(log), noise);
    }

    public static ProcessTree discover(List<Variant> variants, double noise) {
        if (noise < 0 || noise > 1) {
            throw new IllegalArgumentException("noise threshold must be between 0 and 1, not " + noise);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<Trace> traces = new ArrayList<>();
        for (Variant variant : variants) {
            int[] trace = new int[variant.activities().size()];
            for (int i = 0; i < trace.length; i++) {
                trace[i] = ids.computeIfAbsent(variant.activities().get(i), k -> ids.size());
            }
            traces.add(new Trace(trace, variant.cases()));
        }
        String[] names = ids.keySet().toArray(String[]::new);
        return ProcessTree.normalise(new InductiveMiner(names, noise).mine(traces, 0));
    }

    private ProcessTree mine(List<Trace> log, int depth) {
        long total = 0;
        long empty = 0;
        for (Trace t : log) {
            total += t.count();
            if (t.activities().length == 0) {
                empty += t.count();
            }
        }
        if (total == 0 || empty == total) {
            return ProcessTree.TAU;
        }
        if (empty > 0) {
            List<Trace> nonEmpty = log.stream().filter(t -> t.activities().length > 0).toList();
            // IMf: empty traces rarer than the threshold are noise
            if (empty < noise * total) {
                return mine(nonEmpty, depth + 1);
            }
            return ProcessTree.node(Operator.XOR, List.of(ProcessTree.TAU, mine(nonEmpty, depth + 1)));
        }
        DirectlyFollows dfg = new DirectlyFollows(log, names.length);
        BitSet alphabet = dfg.alphabet;
        if (alphabet.cardinality() == 1) {
            return singleActivity(log, alphabet.nextSetBit(0), total, depth);
        }
        if (depth > 200) { // guards against pathological recursion; the flower model is always sound
            return flower(alphabet);
        }
        ProcessTree cut = findCut(log, dfg, depth);
        if (cut == null && noise > 0) {
            cut = findCut(log, dfg.filtered(noise), depth);
        }
        return cut != null ? cut : fallThrough(log, dfg, depth);
    }

    private ProcessTree singleActivity(List<Trace> log, int activity, long total, int depth) {
        long once = 0;
        for (Trace t : log) {
            if (t.activities().length == 1) {
                once += t.count();
            }
        }
        ProcessTree leaf = new ProcessTree.Activity(names[activity]);
        if (once == total || (total - once) < noise * total) {
            return leaf;
        }
        return ProcessTree.node(Operator.LOOP, List.of(leaf, ProcessTree.TAU));
    }

    private ProcessTree findCut(List<Trace> log, DirectlyFollows dfg, int depth) {
        List<BitSet> groups = Cuts.xorCut(dfg);
        if (groups != null) {
            return split(Operator.XOR, groups, LogSplits.splitXor(log, groups), depth);
        }
        groups = Cuts.sequenceCut(dfg);
        if (groups != null) {
            return split(Operator.SEQUENCE, groups, LogSplits.splitSequence(log, groups), depth);
        }
        groups = Cuts.parallelCut(dfg);
        if (groups != null) {
            return split(Operator.PARALLEL, groups, LogSplits.project(log, groups), depth);
        }
        groups = Cuts.loopCut(dfg);
        if (groups != null) {
            return split(Operator.LOOP, groups, LogSplits.splitLoop(log, groups), depth);
        }
        return null;
    }

    private ProcessTree split(Operator operator, List<BitSet> groups, List<List<Trace>> sublogs, int depth) {
        List<ProcessTree> children = new ArrayList<>();
        for (List<Trace> sublog : sublogs) {
            children.add(mine(merge(sublog), depth + 1));
        }
        return ProcessTree.node(operator, children);
    }

    // ---- fall-throughs --------------------------------------------------------------------------

    private ProcessTree fallThrough(List<Trace> log, DirectlyFollows dfg, int depth) {
        // activity once per trace: in parallel with the rest
        for (int a = dfg.alphabet.nextSetBit(0); a >= 0; a = dfg.alphabet.nextSetBit(a + 1)) {
            boolean oncePerTrace = true;
            for (Trace t : log) {
                int occurrences = 0;
                for (int x : t.activities()) {
                    if (x == a) {
                        occurrences++;
                    }
                }
                if (occurrences != 1) {
                    oncePerTrace = false;
                    break;
                }
            }
            if (oncePerTrace) {
                BitSet rest = (BitSet) dfg.alphabet.clone();
                rest.clear(a);
                List<Trace> without = new ArrayList<>();
                for (Trace t : log) {
                    without.add(LogSplits.only(t, rest));
                }
                return ProcessTree.node(Operator.PARALLEL,
                        List.of(new ProcessTree.Activity(names[a]), mine(merge(without), depth + 1)));
            }
        }
        // tau loop: cut traces where an end activity is directly followed by a start activity
        List<Trace> pieces = new ArrayList<>();
        boolean cutAny = false;
        for (Trace t : log) {
            int[] a = t.activities();
            int start = 0;
            for (int i = 1; i < a.length; i++) {
                if (dfg.ends.get(a[i - 1]) && dfg.starts.get(a[i])) {
                    pieces.add(new Trace(Arrays.copyOfRange(a, start, i), t.count()));
                    start = i;
                    cutAny = true;
                }
            }
            pieces.add(new Trace(Arrays.copyOfRange(a, start, a.length), t.count()));
        }
        if (cutAny) {
            return ProcessTree.node(Operator.LOOP, List.of(mine(merge(pieces), depth + 1), ProcessTree.TAU));
        }
        return flower(dfg.alphabet);
    }

    /** Any activity, any number of times (at least one). */
    private ProcessTree flower(BitSet alphabet) {
        List<ProcessTree> leaves = new ArrayList<>();
        for (int a = alphabet.nextSetBit(0); a >= 0; a = alphabet.nextSetBit(a + 1)) {
            leaves.add(new ProcessTree.Activity(names[a]));
        }
        return ProcessTree.node(Operator.LOOP, List.of(ProcessTree.node(Operator.XOR, leaves), ProcessTree.TAU));
    }

    /** Adds up equal traces, so the sublogs stay as small as the number of their variants. */
    private static List<Trace> merge(List<Trace> traces) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        for (Trace t : traces) {
            counts.computeIfAbsent(new Key(t.activities()), k -> new long[1])[0] += t.count();
        }
        List<Trace> merged = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> merged.add(new Trace(k.activities(), c[0])));
        return merged;
    }

    private record Key(int[] activities) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(activities, k.activities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(activities);
        }
    }
}
