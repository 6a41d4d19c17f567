package io.clearflow.delivery.audit;

import io.clearflow.delivery.audit.NetworkAnalysis.Csr;
import java.util.Arrays;

/**
 * Closeness and eccentricity over the undirected view, up to 64 sources per search, one bit each (multi-source BFS,
 * see {@link NetworkAnalysis}). One per thread: it keeps its buffers from batch to batch and its own diameter.
 */
final class ClosenessSearch {

    private final Csr undirected;
    private final double[] closeness;
    private final int n;
    int diameter;
    private long[] seen;
    private long[] frontier;
    private long[] reachedNext;

    /** {@code closeness}: shared by all threads, each writing only its own sources. */
    ClosenessSearch(Csr undirected, double[] closeness) {
        this.undirected = undirected;
        this.closeness = closeness;
        this.n = undirected.nodes();
    }

    /** Sources {@code from..to} (≤ 64) at once over the undirected view: their closeness and eccentricity. */
    void distances(int from, int to) {
        if (seen == null) {
            seen = new long[n];
            frontier = new long[n];
            reachedNext = new long[n];
        } else {
            Arrays.fill(seen, 0);
            Arrays.fill(frontier, 0);
        }
        int width = to - from;
        long[] sum = new long[width];
        int[] reached = new int[width];
        for (int j = 0; j < width; j++) {
            seen[from + j] = 1L << j;
            frontier[from + j] = 1L << j;
        }
        int[] start = undirected.start();
        int[] adj = undirected.to();
        boolean active = true;
        for (int level = 1; active; level++) {
            active = false;
            for (int v = 0; v < n; v++) {
                long f = frontier[v];
                if (f != 0) {
                    for (int i = start[v]; i < start[v + 1]; i++) {
                        reachedNext[adj[i]] |= f;
                    }
                }
            }
            for (int w = 0; w < n; w++) {
                long fresh = reachedNext[w] & ~seen[w];
                reachedNext[w] = 0;
                frontier[w] = fresh;
                if (fresh != 0) {
                    active = true;
                    seen[w] |= fresh;
                    diameter = Math.max(diameter, level);
                    for (long bits = fresh; bits != 0; bits &= bits - 1) {
                        int j = Long.numberOfTrailingZeros(bits);
                        sum[j] += level;
                        reached[j]++;
                    }
                }
            }
        }
        for (int j = 0; j < width; j++) {
            // Wasserman–Faust: closeness within the reachable part, scaled by how much of the network it reaches
            closeness[from + j] = sum[j] == 0 ? 0
                    : ((double) reached[j] / sum[j]) * ((double) reached[j] / Math.max(1, n - 1));
        }
    }
}
