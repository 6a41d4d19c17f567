package io.clearflow.delivery.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The all-pairs analyses of a function network over primitive arrays, no Spring: betweenness centrality (Brandes) on
 * the directed call graph, closeness (Wasserman–Faust) and the diameter on the undirected view. Why this shape:
 * <ul>
 *   <li>Adjacency in compressed rows (one {@code int[]} of offsets, one of targets): the searches walk memory in
 *   order instead of chasing an array per node.</li>
 *   <li>Closeness and diameter need only distances, so 64 sources are searched at once, one bit each (multi-source
 *   BFS, Then et al., VLDB 2015): a node's neighbours are read once per level for all 64 instead of 64 times. That
 *   was half of the work.</li>
 *   <li>Brandes needs the number of shortest paths per source, which bits cannot carry, so it keeps one BFS per source;
 *   it reads the successors again on the way back instead of storing predecessor lists, resets only the nodes the
 *   search reached, and skips sources that call nothing (their search is themselves alone).</li>
 *   <li>Work is cut into small chunks taken from a counter by a bounded pool (at most {@link #MAX_THREADS}, never the
 *   common pool the web requests share): on a loaded machine a descheduled thread holds back one chunk, not a
 *   fixed share of the sources.</li>
 * </ul>
 * Closeness and betweenness cannot share one search: betweenness follows the calls, closeness ignores their direction.
 */
final class NetworkAnalysis {

    static final int MAX_THREADS = 4;
    private static final int BRANDES_CHUNK = 32;

    record Result(double[] closeness, double[] betweenness, int diameter) {
    }

    /** Adjacency in compressed rows: the neighbours of {@code v} are {@code to[start[v]] … to[start[v + 1] - 1]}. */
    record Csr(int[] start, int[] to) {

        static Csr of(int[][] adjacency) {
            int n = adjacency.length;
            int[] start = new int[n + 1];
            for (int v = 0; v < n; v++) {
                start[v + 1] = start[v] + adjacency[v].length;
            }
            int[] to = new int[start[n]];
            for (int v = 0; v < n; v++) {
                System.arraycopy(adjacency[v], 0, to, start[v], adjacency[v].length);
            }
            return new Csr(start, to);
        }

        int nodes() {
            return start.length - 1;
        }
    }

    private NetworkAnalysis() {
    }

    /** {@code out}: callees per node; {@code undirected}: neighbours either way, each once. */
    static Result analyse(int[][] out, int[][] undirected) {
        return analyse(Csr.of(out), Csr.of(undirected), Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    static Result analyse(Csr out, Csr undirected, int threads) {
        int n = out.nodes();
        int bfsBatches = (n + 63) / 64;
        int brandesChunks = (n + BRANDES_CHUNK - 1) / BRANDES_CHUNK;
        int tasks = bfsBatches + brandesChunks;
        AtomicInteger next = new AtomicInteger();
        double[] closeness = new double[n];
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            workers.add(new Worker(out, undirected, closeness, next, bfsBatches, tasks));
        }
        if (workers.size() == 1 || n < 256) {
            workers.get(0).run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers.size(), r -> {
                Thread thread = new Thread(r, "function-network");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                workers.forEach(w -> running.add(pool.submit(w)));
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("function network analysis interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("function network analysis failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double[] betweenness = new double[n];
        int diameter = 0;
        for (Worker w : workers) {
            diameter = Math.max(diameter, w.diameter);
            if (w.score != null) {
                for (int v = 0; v < n; v++) {
                    betweenness[v] += w.score[v];
                }
            }
        }
        if (n > 2) {
            // normalised like JGraphT's BetweennessCentrality(graph, true): by the (n−1)(n−2) ordered pairs
            double scale = (double) (n - 1) * (n - 2);
            for (int v = 0; v < n; v++) {
                betweenness[v] /= scale;
            }
        }
        return new Result(closeness, betweenness, diameter);
    }

    /** One thread's share: takes chunks until none is left, with its own buffers and partial betweenness. */
    private static final class Worker implements Runnable {

        private final Csr out;
        private final Csr undirected;
        private final double[] closeness;
        private final AtomicInteger next;
        private final int bfsBatches;
        private final int tasks;
        private final int n;
        double[] score;
        int diameter;
        // multi-source BFS
        private long[] seen;
        private long[] frontier;
        private long[] reachedNext;
        // Brandes
        private int[] order;
        private int[] dist;
        private double[] sigma;
        private double[] delta;

        Worker(Csr out, Csr undirected, double[] closeness, AtomicInteger next, int bfsBatches, int tasks) {
            this.out = out;
            this.undirected = undirected;
            this.closeness = closeness;
            this.next = next;
            this.bfsBatches = bfsBatches;
            this.tasks = tasks;
            this.n = out.nodes();
        }

        @Override
        public void run() {
            for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                if (task < bfsBatches) {
                    distances(task * 64, Math.min(n, task * 64 + 64));
                } else {
                    int from = (task - bfsBatches) * BRANDES_CHUNK;
                    for (int s = from; s < Math.min(n, from + BRANDES_CHUNK); s++) {
                        brandes(s);
                    }
                }
            }
        }

        /** Sources {@code from..to} (≤ 64) at once over the undirected view: their closeness and eccentricity. */
        private void distances(int from, int to) {
            if (seen == null) {
                seen = new long[n];
                frontier = new long[n];
                reachedNext = new long[n];
            } else {
                java.util.Arrays.fill(seen, 0);
                java.util.Arrays.fill(frontier, 0);
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

        /** Brandes from one source on the directed graph, adding its dependencies to {@link #score}. */
        private void brandes(int s) {
            int[] start = out.start();
            int[] adj = out.to();
            if (start[s] == start[s + 1]) {
                return;
            }
            if (score == null) {
                score = new double[n];
                order = new int[n];
                dist = new int[n];
                java.util.Arrays.fill(dist, -1);
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
}
