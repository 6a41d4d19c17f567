package io.clearflow.delivery.audit;

import io.clearflow.delivery.audit.NetworkAnalysis.Csr;
import java.util.Arrays;

/**
 * Betweenness (Brandes) on the directed call graph, one BFS per source (see {@link NetworkAnalysis}). One per thread:
 * it keeps its buffers from source to source and sums its sources' dependencies in {@link #score}, null until a source
 * that calls something was searched.
 */
final class BetweennessSearch {

    private final Csr out;
    private final int n;
    double[] score;
    private int[] order;
    private int[] dist;
    private double[] sigma;
    private double[] delta;

    BetweennessSearch(Csr out) {
        this.out = out;
        this.n = out.nodes();
    }

    /** Brandes from one source on the directed graph, adding its dependencies to {@link #score}. */
    void from(int s) {
        int[] start = out.start();
        int[] adj = out.to();
        if (start[s] == start[s + 1]) {
            return;
        }
        if (score == null) {
            score = new double[n];
            order = new int[n];
            dist = new int[n];
            Arrays.fill(dist, -1);
            sigma = new double[n];
            delta = new double[n];
        }
        int head = 0, tail = 0;
        dist[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        while (head < tail) {
            int v = order[head++];
            int dv = dist[v] + 1;
            double sv = sigma[v];
            for (int i = start[v]; i < start[v + 1]; i++) {
                int w = adj[i];
                if (dist[w] < 0) {
                    dist[w] = dv;
                    order[tail++] = w;
                }
                if (dist[w] == dv) {
                    sigma[w] += sv;
                }
            }
        }
        // back in order of decreasing distance: each node's dependency from its successors on shortest paths
        for (int k = tail - 1; k > 0; k--) {
            int v = order[k];
            int dv = dist[v] + 1;
            double d = 0;
            for (int i = start[v]; i < start[v + 1]; i++) {
                int w = adj[i];
                if (dist[w] == dv) {
                    d += (1 + delta[w]) / sigma[w];
                }
            }
            delta[v] = d * sigma[v];
            score[v] += delta[v];
        }
        for (int k = 0; k < tail; k++) {
            int v = order[k];
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
}
