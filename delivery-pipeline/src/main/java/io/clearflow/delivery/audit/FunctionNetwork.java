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
 * over the undirected view (how near two functions are whichever way the calls run). The all-pairs analyses are
 * {@link NetworkAnalysis}'s, over int arrays taken from the graph: JGraphT's own scorers (maps per source,
 * Floyd–Warshall for all pairs) took a minute at the seed's 6,900 nodes, the figure is five seconds; the tests
 * compare the values with JGraphT's on smaller graphs.
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
        // one pass over the edges into int arrays; the analyses never touch the JGraphT graph
        int[] outDegree = new int[n];
        int[] degree = new int[n];
        int m = graph.edgeSet().size();
        int[] from = new int[m];
        int[] to = new int[m];
        int e = 0;
        for (DefaultEdge edge : graph.edgeSet()) {
            from[e] = index.get(graph.getEdgeSource(edge));
            to[e] = index.get(graph.getEdgeTarget(edge));
            outDegree[from[e]]++;
            degree[from[e]]++;
            degree[to[e]]++;
            e++;
        }
        int[][] out = new int[n][];
        int[][] undirected = new int[n][];
        for (int v = 0; v < n; v++) {
            out[v] = new int[outDegree[v]];
            undirected[v] = new int[degree[v]];
        }
        int[] outFill = new int[n];
        int[] fill = new int[n];
        for (int i = 0; i < m; i++) {
            out[from[i]][outFill[from[i]]++] = to[i];
            undirected[from[i]][fill[from[i]]++] = to[i];
            undirected[to[i]][fill[to[i]]++] = from[i];
        }
        for (int v = 0; v < n; v++) {
            undirected[v] = java.util.Arrays.stream(undirected[v]).sorted().distinct().toArray(); // a→b and b→a: one neighbour
        }
        NetworkAnalysis.Result analysed = NetworkAnalysis.analyse(out, undirected);
        Map<String, NodeMetrics> all = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            all.put(name, new NodeMetrics(name, kinds.get(name), graph.inDegreeOf(name), graph.outDegreeOf(name),
                    analysed.closeness()[i], analysed.betweenness()[i]));
        }
        Map<String, Long> byKind = new java.util.TreeMap<>();
        kinds.values().forEach(k -> byKind.merge(k, 1L, Long::sum));
        List<NodeMetrics> top = all.values().stream()
                .sorted(Comparator.comparingDouble(NodeMetrics::betweenness).reversed().thenComparing(NodeMetrics::name))
                .limit(topN).toList();
        return new Metrics(n, m, analysed.diameter(), byKind, top, all);
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
