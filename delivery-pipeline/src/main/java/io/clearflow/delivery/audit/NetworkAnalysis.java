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
 * Closeness and betweenness cannot share one search ({@link ClosenessSearch}, {@link BetweennessSearch}): betweenness
 * follows the calls, closeness ignores their direction.
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
            diameter = Math.max(diameter, w.closeness.diameter);
            double[] score = w.betweenness.score;
            if (score != null) {
                for (int v = 0; v < n; v++) {
                    betweenness[v] += score[v];
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

    /** One thread's share: takes chunks until none is left, with its own searches and their buffers. */
    private static final class Worker implements Runnable {

        private final AtomicInteger next;
        private final int bfsBatches;
        private final int tasks;
        private final int n;
        private final ClosenessSearch closeness;
        private final BetweennessSearch betweenness;

        Worker(Csr out, Csr undirected, double[] closeness, AtomicInteger next, int bfsBatches, int tasks) {
            this.next = next;
            this.bfsBatches = bfsBatches;
            this.tasks = tasks;
            this.n = out.nodes();
            this.closeness = new ClosenessSearch(undirected, closeness);
            this.betweenness = new BetweennessSearch(out);
        }

        @Override
        public void run() {
            for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                if (task < bfsBatches) {
                    closeness.distances(task * 64, Math.min(n, task * 64 + 64));
                } else {
                    int from = (task - bfsBatches) * BRANDES_CHUNK;
                    for (int s = from; s < Math.min(n, from + BRANDES_CHUNK); s++) {
                        betweenness.from(s);
                    }
                }
            }
        }
    }
}
