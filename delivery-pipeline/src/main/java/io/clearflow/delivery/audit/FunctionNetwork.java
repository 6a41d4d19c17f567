package io.clearflow.delivery.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * A vendor system's function network as a JGraphT directed graph (caller → callee) with the seed's analyses:
 * fan-in/fan-out, betweenness centrality (Brandes) on the call graph, and closeness centrality and the diameter
 * over the undirected view (how near two functions are whichever way the calls run). The all-pairs analyses run
 * one breadth-first search per node over int arrays taken from the graph: it is unweighted, so BFS gives the
 * shortest paths; JGraphT's own scorers (maps per source, Floyd–Warshall for all pairs) took a minute at the
 * seed's 6,900 nodes, the figure is five seconds.
 */
final class FunctionNetwork {

    /** The seed's node kinds: menu, middleware function, table or stored procedure, DLL. */
    static final Set<String> KINDS = Set.of("menu", "function", "table", "dll");

    record Relation(String caller, String callerKind, String callee, String calleeKind) {
    }

    record NodeMetrics(String name, String kind, int fanIn, int fanOut, double closeness, double betweenness) {
    }

    record Metrics(int nodes, int edges, int diameter, Map<String, Long> byKind, List<NodeMetrics> top,
                   Map<String, NodeMetrics> all) {
    }

    private final Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<String, String> kinds = new HashMap<>();

    FunctionNetwork(Collection<Relation> relations) {
        for (Relation r : relations) {
            graph.addVertex(r.caller());
            graph.addVertex(r.callee());
            kinds.put(r.caller(), r.callerKind());
            kinds.put(r.callee(), r.calleeKind());
            if (!r.caller().equals(r.callee())) {
                graph.addEdge(r.caller(), r.callee());
            }
        }
    }

    boolean contains(String node) {
        return graph.containsVertex(node);
    }

    Metrics metrics(int topN) {
        List<String> names = new ArrayList<>(graph.vertexSet());
        int n = names.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(names.get(i), i);
        }
        int[][] out = new int[n][];
        int[][] undirected = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = graph.outgoingEdgesOf(names.get(i)).stream().mapToInt(e -> index.get(graph.getEdgeTarget(e))).toArray();
            Set<Integer> near = new LinkedHashSet<>();
            for (DefaultEdge e : graph.edgesOf(names.get(i))) {
                String other = graph.getEdgeSource(e).equals(names.get(i)) ? graph.getEdgeTarget(e) : graph.getEdgeSource(e);
                near.add(index.get(other));
            }
            undirected[i] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        double[] closeness = new double[n];
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 64));
        // sources are independent: one chunk per core, each writing its own slots of closeness
        int diameter = java.util.stream.IntStream.range(0, chunks).parallel()
                .map(c -> closeness(undirected, closeness, c * n / chunks, (c + 1) * n / chunks)).max().orElse(0);
        double[] betweenness = betweenness(out);
        Map<String, NodeMetrics> all = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            all.put(name, new NodeMetrics(name, kinds.get(name), graph.inDegreeOf(name), graph.outDegreeOf(name),
                    closeness[i], betweenness[i]));
        }
        Map<String, Long> byKind = new java.util.TreeMap<>();
        kinds.values().forEach(k -> byKind.merge(k, 1L, Long::sum));
        List<NodeMetrics> top = all.values().stream()
                .sorted(Comparator.comparingDouble(NodeMetrics::betweenness).reversed().thenComparing(NodeMetrics::name))
                .limit(topN).toList();
        return new Metrics(n, graph.edgeSet().size(), diameter, byKind, top, all);
    }

    /** Closeness of the sources {@code from..to} (written into {@code closeness}); returns their largest eccentricity. */
    private static int closeness(int[][] undirected, double[] closeness, int from, int to) {
        int n = undirected.length;
        int diameter = 0;
        int[] dist = new int[n];
        int[] queue = new int[n];
        for (int s = from; s < to; s++) {
            java.util.Arrays.fill(dist, -1);
            dist[s] = 0;
            int head = 0, tail = 0;
            queue[tail++] = s;
            long sum = 0;
            while (head < tail) {
                int v = queue[head++];
                for (int w : undirected[v]) {
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        sum += dist[w];
                        diameter = Math.max(diameter, dist[w]);
                        queue[tail++] = w;
                    }
                }
            }
            int reached = tail - 1;
            // Wasserman–Faust: closeness within the reachable part, scaled by how much of the network it reaches
            closeness[s] = sum == 0 ? 0 : ((double) reached / sum) * ((double) reached / Math.max(1, n - 1));
        }
        return diameter;
    }

    /**
     * Brandes' algorithm on the directed call graph over int arrays, normalised by (n−1)(n−2) like JGraphT's
     * {@code BetweennessCentrality(graph, true)} (the test compares both): JGraphT's own took a minute at the
     * seed's scale, its maps per source dominating.
     */
    static double[] betweenness(int[][] out) {
        int n = out.length;
        int[] inDegree = new int[n];
        for (int[] targets : out) {
            for (int w : targets) {
                inDegree[w]++;
            }
        }
        // sources are independent: one chunk per core, each with its own buffers and partial scores
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 64));
        double[] score = java.util.stream.IntStream.range(0, chunks).parallel()
                .mapToObj(c -> brandes(out, inDegree, c * n / chunks, (c + 1) * n / chunks))
                .reduce(new double[n], (a, b) -> {
                    double[] sum = new double[n];
                    for (int i = 0; i < n; i++) {
                        sum[i] = a[i] + b[i];
                    }
                    return sum;
                });
        if (n > 2) {
            double scale = (double) (n - 1) * (n - 2);
            for (int v = 0; v < n; v++) {
                score[v] /= scale;
            }
        }
        return score;
    }

    private static double[] brandes(int[][] out, int[] inDegree, int from, int to) {
        int n = out.length;
        double[] score = new double[n];
        int[] stack = new int[n];
        int[] queue = new int[n];
        int[] dist = new int[n];
        long[] sigma = new long[n];
        double[] delta = new double[n];
        int[][] pred = new int[n][];
        int[] predCount = new int[n];
        for (int v = 0; v < n; v++) {
            pred[v] = new int[inDegree[v]];
        }
        for (int s = from; s < to; s++) {
            java.util.Arrays.fill(dist, -1);
            java.util.Arrays.fill(sigma, 0);
            java.util.Arrays.fill(delta, 0);
            java.util.Arrays.fill(predCount, 0);
            int top = 0, head = 0, tail = 0;
            dist[s] = 0;
            sigma[s] = 1;
            queue[tail++] = s;
            while (head < tail) {
                int v = queue[head++];
                stack[top++] = v;
                for (int w : out[v]) {
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                    }
                    if (dist[w] == dist[v] + 1) {
                        sigma[w] += sigma[v];
                        pred[w][predCount[w]++] = v;
                    }
                }
            }
            while (top > 0) {
                int w = stack[--top];
                for (int i = 0; i < predCount[w]; i++) {
                    int v = pred[w][i];
                    delta[v] += (double) sigma[v] / sigma[w] * (1 + delta[w]);
                }
                if (w != s) {
                    score[w] += delta[w];
                }
            }
        }
        return score;
    }

    /** The nodes within {@code depth} steps of the node (either direction) and the relations among them. */
    Map<String, Object> neighbourhood(String node, int depth) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        distance.put(node, 0);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(node));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            if (distance.get(v) == depth) {
                continue;
            }
            for (DefaultEdge e : graph.edgesOf(v)) {
                String other = graph.getEdgeSource(e).equals(v) ? graph.getEdgeTarget(e) : graph.getEdgeSource(e);
                if (distance.putIfAbsent(other, distance.get(v) + 1) == null) {
                    queue.add(other);
                }
            }
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        distance.forEach((name, d) -> nodes.add(Map.of("name", name, "kind", kinds.get(name), "distance", d)));
        List<List<String>> edges = new ArrayList<>();
        for (String v : distance.keySet()) {
            for (DefaultEdge e : graph.outgoingEdgesOf(v)) {
                if (distance.containsKey(graph.getEdgeTarget(e))) {
                    edges.add(List.of(v, graph.getEdgeTarget(e)));
                }
            }
        }
        return Map.of("node", node, "depth", depth, "nodes", nodes, "edges", edges);
    }

    /**
     * What a change of these nodes reaches: {@code callers} (everything that calls them, transitively, up to the
     * menus a user would test) and {@code callees} (what they call in turn).
     */
    Map<String, Object> reach(Collection<String> changed) {
        Set<String> start = new LinkedHashSet<>();
        changed.stream().filter(graph::containsVertex).forEach(start::add);
        return Map.of("changed", start, "callers", walk(start, true), "callees", walk(start, false));
    }

    /** Shortest distance between two nodes over the undirected view; -1 when they are not connected. */
    int distance(String from, String to) {
        if (!graph.containsVertex(from) || !graph.containsVertex(to)) {
            return -1;
        }
        Map<String, Integer> distance = new HashMap<>(Map.of(from, 0));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            if (v.equals(to)) {
                return distance.get(v);
            }
            for (DefaultEdge e : graph.edgesOf(v)) {
                String other = graph.getEdgeSource(e).equals(v) ? graph.getEdgeTarget(e) : graph.getEdgeSource(e);
                if (distance.putIfAbsent(other, distance.get(v) + 1) == null) {
                    queue.add(other);
                }
            }
        }
        return -1;
    }

    private List<Map<String, String>> walk(Set<String> start, boolean up) {
        Set<String> seen = new LinkedHashSet<>(start);
        ArrayDeque<String> queue = new ArrayDeque<>(start);
        List<Map<String, String>> found = new ArrayList<>();
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (DefaultEdge e : up ? graph.incomingEdgesOf(v) : graph.outgoingEdgesOf(v)) {
                String other = up ? graph.getEdgeSource(e) : graph.getEdgeTarget(e);
                if (seen.add(other)) {
                    found.add(Map.of("name", other, "kind", kinds.get(other)));
                    queue.add(other);
                }
            }
        }
        return found;
    }
}
