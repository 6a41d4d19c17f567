package io.clearflow.mining.discovery;

import io.clearflow.mining.discovery.ProcessTree.Operator;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
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
        List<BitSet> groups = xorCut(dfg);
        if (groups != null) {
            return split(Operator.XOR, groups, splitXor(log, groups), depth);
        }
        groups = sequenceCut(dfg);
        if (groups != null) {
            return split(Operator.SEQUENCE, groups, splitSequence(log, groups), depth);
        }
        groups = parallelCut(dfg);
        if (groups != null) {
            return split(Operator.PARALLEL, groups, project(log, groups), depth);
        }
        groups = loopCut(dfg);
        if (groups != null) {
            return split(Operator.LOOP, groups, splitLoop(log, groups), depth);
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

    // ---- cuts ----------------------------------------------------------------------------------

    /** Connected components of the DFG taken as undirected. */
    private List<BitSet> xorCut(DirectlyFollows dfg) {
        List<BitSet> components = components(dfg.alphabet, (a, b) -> dfg.has(a, b) || dfg.has(b, a));
        return components.size() > 1 ? components : null;
    }

    /**
     * Strongly connected components, merged while two are mutually unreachable, ordered by
     * reachability; valid when each group reaches every later one and none reaches an earlier one.
     */
    private List<BitSet> sequenceCut(DirectlyFollows dfg) {
        boolean[][] reach = dfg.reachability();
        List<BitSet> groups = components(dfg.alphabet, (a, b) -> reach[a][b] && reach[b][a]);
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            outer:
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (!reaches(reach, groups.get(i), groups.get(j)) && !reaches(reach, groups.get(j), groups.get(i))) {
                        groups.get(i).or(groups.get(j));
                        groups.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        if (groups.size() < 2) {
            return null;
        }
        // in a valid cut, an earlier group reaches more of the others than a later one
        Map<BitSet, Integer> reachCount = new HashMap<>();
        for (BitSet g : groups) {
            reachCount.put(g, (int) groups.stream().filter(h -> h != g && reaches(reach, g, h)).count());
        }
        groups.sort((g, h) -> Integer.compare(reachCount.get(h), reachCount.get(g)));
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (int a = groups.get(i).nextSetBit(0); a >= 0; a = groups.get(i).nextSetBit(a + 1)) {
                    for (int b = groups.get(j).nextSetBit(0); b >= 0; b = groups.get(j).nextSetBit(b + 1)) {
                        if (!reach[a][b] || reach[b][a]) {
                            return null;
                        }
                    }
                }
            }
        }
        return groups;
    }

    private static boolean reaches(boolean[][] reach, BitSet from, BitSet to) {
        for (int a = from.nextSetBit(0); a >= 0; a = from.nextSetBit(a + 1)) {
            for (int b = to.nextSetBit(0); b >= 0; b = to.nextSetBit(b + 1)) {
                if (reach[a][b]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Components of the negated DFG (two activities are together unless each directly follows the
     * other); every group needs a start and an end activity, groups lacking one are merged.
     */
    private List<BitSet> parallelCut(DirectlyFollows dfg) {
        List<BitSet> components = components(dfg.alphabet, (a, b) -> !(dfg.has(a, b) && dfg.has(b, a)));
        if (components.size() < 2) {
            return null;
        }
        List<BitSet> complete = new ArrayList<>();
        BitSet incomplete = new BitSet();
        for (BitSet group : components) {
            if (group.intersects(dfg.starts) && group.intersects(dfg.ends)) {
                complete.add(group);
            } else {
                incomplete.or(group);
            }
        }
        if (complete.size() < 2) {
            return null;
        }
        complete.get(0).or(incomplete);
        return complete;
    }

    /**
     * Do part: the start and end activities; redo parts: the components of the rest, as long as
     * they are entered only from every end activity and left only to every start activity.
     */
    private List<BitSet> loopCut(DirectlyFollows dfg) {
        BitSet body = (BitSet) dfg.starts.clone();
        body.or(dfg.ends);
        BitSet rest = (BitSet) dfg.alphabet.clone();
        rest.andNot(body);
        List<BitSet> candidates = components(rest, (a, b) -> dfg.has(a, b) || dfg.has(b, a));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = candidates.iterator(); it.hasNext(); ) {
                BitSet redo = it.next();
                if (!isRedo(dfg, redo, body)) {
                    body.or(redo);
                    it.remove();
                    changed = true;
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<BitSet> groups = new ArrayList<>();
        groups.add(body);
        groups.addAll(candidates);
        return groups;
    }

    private boolean isRedo(DirectlyFollows dfg, BitSet redo, BitSet body) {
        BitSet nonStartBody = (BitSet) body.clone();
        nonStartBody.andNot(dfg.starts);
        BitSet nonEndBody = (BitSet) body.clone();
        nonEndBody.andNot(dfg.ends);
        for (int r = redo.nextSetBit(0); r >= 0; r = redo.nextSetBit(r + 1)) {
            boolean fromSomeEnd = false;
            boolean fromEveryEnd = true;
            boolean toSomeStart = false;
            boolean toEveryStart = true;
            for (int a = dfg.alphabet.nextSetBit(0); a >= 0; a = dfg.alphabet.nextSetBit(a + 1)) {
                if (redo.get(a)) {
                    continue;
                }
                if (dfg.has(a, r) && (nonEndBody.get(a) || !body.get(a))) {
                    return false; // entered from inside the body
                }
                if (dfg.has(r, a) && (nonStartBody.get(a) || !body.get(a))) {
                    return false; // leaves into the middle of the body
                }
                if (dfg.ends.get(a)) {
                    fromSomeEnd |= dfg.has(a, r);
                    fromEveryEnd &= dfg.has(a, r);
                }
                if (dfg.starts.get(a)) {
                    toSomeStart |= dfg.has(r, a);
                    toEveryStart &= dfg.has(r, a);
                }
            }
            if ((fromSomeEnd && !fromEveryEnd) || (toSomeStart && !toEveryStart)) {
                return false;
            }
        }
        return true;
    }

    // ---- log splits (IMf: events outside the chosen part are dropped) ---------------------------

    private List<List<Trace>> splitXor(List<Trace> log, List<BitSet> groups) {
        List<List<Trace>> sublogs = emptySublogs(groups.size());
        for (Trace t : log) {
            int best = 0;
            int bestCount = -1;
            for (int g = 0; g < groups.size(); g++) {
                int count = 0;
                for (int a : t.activities()) {
                    if (groups.get(g).get(a)) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = g;
                    bestCount = count;
                }
            }
            sublogs.get(best).add(new Trace(keep(t.activities(), 0, t.activities().length, groups.get(best)), t.count()));
        }
        return sublogs;
    }

    /** Each part takes the stretch that holds most of its own activities and fewest of the others. */
    private List<List<Trace>> splitSequence(List<Trace> log, List<BitSet> groups) {
        List<List<Trace>> sublogs = emptySublogs(groups.size());
        for (Trace t : log) {
            int[] a = t.activities();
            int from = 0;
            for (int g = 0; g < groups.size(); g++) {
                int to = a.length;
                if (g < groups.size() - 1) {
                    int score = 0;
                    int bestScore = 0;
                    to = from;
                    for (int i = from; i < a.length; i++) {
                        score += groups.get(g).get(a[i]) ? 1 : -1;
                        if (score > bestScore) {
                            bestScore = score;
                            to = i + 1;
                        }
                    }
                }
                sublogs.get(g).add(new Trace(keep(a, from, to, groups.get(g)), t.count()));
                from = to;
            }
        }
        return sublogs;
    }

    private List<List<Trace>> project(List<Trace> log, List<BitSet> groups) {
        List<List<Trace>> sublogs = emptySublogs(groups.size());
        for (Trace t : log) {
            for (int g = 0; g < groups.size(); g++) {
                sublogs.get(g).add(new Trace(keep(t.activities(), 0, t.activities().length, groups.get(g)), t.count()));
            }
        }
        return sublogs;
    }

    /** Cuts each trace into alternating do and redo stretches; a missing do stretch is an empty trace. */
    private List<List<Trace>> splitLoop(List<Trace> log, List<BitSet> groups) {
        List<List<Trace>> sublogs = emptySublogs(groups.size());
        for (Trace t : log) {
            int[] a = t.activities();
            boolean expectBody = true;
            int start = 0;
            while (start < a.length) {
                int group = groupOf(groups, a[start]);
                int end = start + 1;
                while (end < a.length && groupOf(groups, a[end]) == group) {
                    end++;
                }
                if (group != 0 && expectBody) {
                    sublogs.get(0).add(new Trace(new int[0], t.count()));
                }
                sublogs.get(group).add(new Trace(Arrays.copyOfRange(a, start, end), t.count()));
                expectBody = group != 0;
                start = end;
            }
            if (expectBody) {
                sublogs.get(0).add(new Trace(new int[0], t.count()));
            }
        }
        return sublogs;
    }

    private static int groupOf(List<BitSet> groups, int activity) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).get(activity)) {
                return g;
            }
        }
        throw new IllegalStateException("activity in no group");
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
                    without.add(new Trace(keep(t.activities(), 0, t.activities().length, rest), t.count()));
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

    // ---- helpers --------------------------------------------------------------------------------

    private static int[] keep(int[] trace, int from, int to, BitSet group) {
        int[] kept = new int[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (group.get(trace[i])) {
                kept[n++] = trace[i];
            }
        }
        return n == kept.length ? kept : Arrays.copyOf(kept, n);
    }

    private static List<List<Trace>> emptySublogs(int n) {
        List<List<Trace>> sublogs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sublogs.add(new ArrayList<>());
        }
        return sublogs;
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

    interface Related {
        boolean test(int a, int b);
    }

    /** Connected components of the activities in {@code nodes} under a symmetric relation. */
    private List<BitSet> components(BitSet nodes, Related related) {
        List<BitSet> components = new ArrayList<>();
        BitSet seen = new BitSet();
        for (int a = nodes.nextSetBit(0); a >= 0; a = nodes.nextSetBit(a + 1)) {
            if (seen.get(a)) {
                continue;
            }
            BitSet component = new BitSet();
            List<Integer> stack = new ArrayList<>(List.of(a));
            seen.set(a);
            while (!stack.isEmpty()) {
                int x = stack.remove(stack.size() - 1);
                component.set(x);
                for (int y = nodes.nextSetBit(0); y >= 0; y = nodes.nextSetBit(y + 1)) {
                    if (!seen.get(y) && related.test(x, y)) {
                        seen.set(y);
                        stack.add(y);
                    }
                }
            }
            components.add(component);
        }
        return components;
    }

    /** The directly-follows relation of a (sub)log with start and end activities. */
    static final class DirectlyFollows {
        final BitSet alphabet = new BitSet();
        final BitSet starts = new BitSet();
        final BitSet ends = new BitSet();
        final long[][] edges;
        final long[] startCounts;
        final long[] endCounts;

        DirectlyFollows(List<Trace> log, int n) {
            edges = new long[n][n];
            startCounts = new long[n];
            endCounts = new long[n];
            for (Trace t : log) {
                int[] a = t.activities();
                if (a.length == 0) {
                    continue;
                }
                startCounts[a[0]] += t.count();
                endCounts[a[a.length - 1]] += t.count();
                for (int i = 0; i < a.length; i++) {
                    alphabet.set(a[i]);
                    if (i > 0) {
                        edges[a[i - 1]][a[i]] += t.count();
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                starts.set(a, startCounts[a] > 0);
                ends.set(a, endCounts[a] > 0);
            }
        }

        private DirectlyFollows(DirectlyFollows source) {
            alphabet.or(source.alphabet);
            edges = new long[source.edges.length][];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = source.edges[i].clone();
            }
            startCounts = source.startCounts.clone();
            endCounts = source.endCounts.clone();
        }

        boolean has(int a, int b) {
            return edges[a][b] > 0;
        }

        /** IMf's filter: drops edges below {@code noise} times the strongest edge leaving the same activity. */
        DirectlyFollows filtered(double noise) {
            DirectlyFollows f = new DirectlyFollows(this);
            for (long[] row : f.edges) {
                long max = Arrays.stream(row).max().orElse(0);
                for (int b = 0; b < row.length; b++) {
                    if (row[b] < noise * max) {
                        row[b] = 0;
                    }
                }
            }
            long maxStart = Arrays.stream(startCounts).max().orElse(0);
            long maxEnd = Arrays.stream(endCounts).max().orElse(0);
            for (int a = 0; a < startCounts.length; a++) {
                f.starts.set(a, startCounts[a] > 0 && startCounts[a] >= noise * maxStart);
                f.ends.set(a, endCounts[a] > 0 && endCounts[a] >= noise * maxEnd);
            }
            return f;
        }

        boolean[][] reachability() {
            int n = edges.length;
            boolean[][] reach = new boolean[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    reach[a][b] = edges[a][b] > 0;
                }
            }
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    if (reach[i][k]) {
                        for (int j = 0; j < n; j++) {
                            reach[i][j] |= reach[k][j];
                        }
                    }
                }
            }
            return reach;
        }
    }
}
