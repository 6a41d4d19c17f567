package io.clearflow.mining.discovery;

import io.clearflow.mining.discovery.InductiveMiner.Trace;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** The directly-follows relation of a (sub)log with start and end activities. */
final class DirectlyFollows {
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
