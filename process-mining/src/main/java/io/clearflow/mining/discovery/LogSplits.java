package io.clearflow.mining.discovery;

import io.clearflow.mining.discovery.InductiveMiner.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Splits a (sub)log along a cut into one sublog per group, as IMf does: events outside the chosen part are
 * dropped.
 */
final class LogSplits {

    private LogSplits() {
    }

    static List<List<Trace>> splitXor(List<Trace> log, List<BitSet> groups) {
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
            sublogs.get(best).add(only(t, groups.get(best)));
        }
        return sublogs;
    }

    /** Each part takes the stretch that holds most of its own activities and fewest of the others. */
    static List<List<Trace>> splitSequence(List<Trace> log, List<BitSet> groups) {
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

    static List<List<Trace>> project(List<Trace> log, List<BitSet> groups) {
        List<List<Trace>> sublogs = emptySublogs(groups.size());
        for (Trace t : log) {
            for (int g = 0; g < groups.size(); g++) {
                sublogs.get(g).add(only(t, groups.get(g)));
            }
        }
        return sublogs;
    }

    /** Cuts each trace into alternating do and redo stretches; a missing do stretch is an empty trace. */
    static List<List<Trace>> splitLoop(List<Trace> log, List<BitSet> groups) {
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

    /** The trace with only the activities of {@code group}, followed by as many cases. */
    static Trace only(Trace t, BitSet group) {
        return new Trace(keep(t.activities(), 0, t.activities().length, group), t.count());
    }

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
}
