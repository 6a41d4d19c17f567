package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionNetworkTest {

    /** menu M → f1 → f2 → table T; menu N → f3 → f2: f2 lies on every path into T. */
    private final FunctionNetwork network = new FunctionNetwork(List.of(
            new FunctionNetwork.Relation("M", "menu", "f1", "function"),
            new FunctionNetwork.Relation("f1", "function", "f2", "function"),
            new FunctionNetwork.Relation("f2", "function", "T", "table"),
            new FunctionNetwork.Relation("N", "menu", "f3", "function"),
            new FunctionNetwork.Relation("f3", "function", "f2", "function")));

    @Test
    void fanInOutCentralitiesAndDiameter() {
        FunctionNetwork.Metrics m = network.metrics(3);
        assertThat(m.nodes()).isEqualTo(6);
        assertThat(m.edges()).isEqualTo(5);
        assertThat(m.byKind()).isEqualTo(Map.of("menu", 2L, "function", 3L, "table", 1L));
        // undirected: M–f1–f2–f3–N is the longest shortest path
        assertThat(m.diameter()).isEqualTo(4);
        var f2 = m.all().get("f2");
        assertThat(f2.fanIn()).isEqualTo(2);
        assertThat(f2.fanOut()).isEqualTo(1);
        assertThat(m.top().get(0).name()).isEqualTo("f2");
        // directed pairs through f2: (f1,T), (f3,T), (M,T), (N,T) = 4 of (6-1)(6-2) = 20 ordered pairs
        assertThat(f2.betweenness()).isCloseTo(4.0 / 20, within(1e-9));
        // f2 reaches 5 nodes at distances 1,1,1,2,2 = 7
        assertThat(f2.closeness()).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(m.all().get("M").closeness()).isLessThan(f2.closeness());
    }

    @Test
    void betweennessMatchesJGraphT() {
        // a sparse random call graph with parts that do not connect, searched on one thread
        var graph = randomGraph(60, 180, 7, false);
        var ours = NetworkAnalysis.analyse(NetworkAnalysis.Csr.of(out(graph)), NetworkAnalysis.Csr.of(undirected(graph)), 1);
        var theirs = new org.jgrapht.alg.scoring.BetweennessCentrality<>(graph, true).getScores();
        for (int i = 0; i < graph.vertexSet().size(); i++) {
            assertThat(ours.betweenness()[i]).as("node " + i).isCloseTo(theirs.get(i), within(1e-9));
        }
    }

    /**
     * The parallel path (several threads taking chunks, 64 sources per multi-source search) on a connected graph of
     * 500 nodes: betweenness, closeness and the diameter equal JGraphT's own (on a connected graph Wasserman–Faust's
     * closeness is JGraphT's normalised (n−1) ÷ Σ distance).
     */
    @Test
    void allAnalysesMatchJGraphTInParallel() {
        var graph = randomGraph(500, 1100, 11, true);
        int n = graph.vertexSet().size();
        var undirectedView = new org.jgrapht.graph.AsUndirectedGraph<>(graph);
        assertThat(new org.jgrapht.alg.connectivity.ConnectivityInspector<>(undirectedView).isConnected()).isTrue();
        var ours = NetworkAnalysis.analyse(NetworkAnalysis.Csr.of(out(graph)), NetworkAnalysis.Csr.of(undirected(graph)), 3);
        var betweenness = new org.jgrapht.alg.scoring.BetweennessCentrality<>(graph, true).getScores();
        var closeness = new org.jgrapht.alg.scoring.ClosenessCentrality<>(undirectedView, false, true).getScores();
        for (int i = 0; i < n; i++) {
            assertThat(ours.betweenness()[i]).as("betweenness of " + i).isCloseTo(betweenness.get(i), within(1e-9));
            assertThat(ours.closeness()[i]).as("closeness of " + i).isCloseTo(closeness.get(i), within(1e-9));
        }
        assertThat((double) ours.diameter()).isEqualTo(new org.jgrapht.alg.shortestpath.GraphMeasurer<>(undirectedView).getDiameter());
        assertThat(ours.diameter()).isGreaterThan(3);
        // one thread or several: the same values
        var alone = NetworkAnalysis.analyse(NetworkAnalysis.Csr.of(out(graph)), NetworkAnalysis.Csr.of(undirected(graph)), 1);
        for (int i = 0; i < n; i++) {
            assertThat(alone.betweenness()[i]).isCloseTo(ours.betweenness()[i], within(1e-12));
        }
    }

    private static org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> randomGraph(int n, int edges, long seed,
                                                                                        boolean connected) {
        java.util.Random random = new java.util.Random(seed);
        var graph = new org.jgrapht.graph.DefaultDirectedGraph<Integer, org.jgrapht.graph.DefaultEdge>(
                org.jgrapht.graph.DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
            if (connected && i > 0) {
                // a random tree first (edges either way), so every node is reachable over the undirected view
                int other = random.nextInt(i);
                if (random.nextBoolean()) {
                    graph.addEdge(other, i);
                } else {
                    graph.addEdge(i, other);
                }
            }
        }
        while (graph.edgeSet().size() < edges) {
            int a = random.nextInt(n), b = random.nextInt(n);
            if (a != b) {
                graph.addEdge(a, b);
            }
        }
        return graph;
    }

    private static int[][] out(org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> graph) {
        int[][] out = new int[graph.vertexSet().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = graph.outgoingEdgesOf(i).stream().mapToInt(graph::getEdgeTarget).toArray();
        }
        return out;
    }

    private static int[][] undirected(org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> graph) {
        int[][] near = new int[graph.vertexSet().size()][];
        for (int i = 0; i < near.length; i++) {
            int v = i;
            near[i] = graph.edgesOf(i).stream().mapToInt(e -> graph.getEdgeSource(e).intValue() == v ? graph.getEdgeTarget(e)
                    : graph.getEdgeSource(e)).distinct().toArray();
        }
        return near;
    }

    @Test
    @SuppressWarnings("unchecked")
    void neighbourhoodReachAndDistance() {
        var around = network.neighbourhood("f1", 1);
        assertThat((List<?>) around.get("nodes")).hasSize(3);
        @SuppressWarnings("unchecked")
        List<List<String>> edges = (List<List<String>>) around.get("edges");
        assertThat(edges).containsExactlyInAnyOrder(List.of("M", "f1"), List.of("f1", "f2"));
        var reach = network.reach(List.of("f2", "unknown"));
        assertThat((List<Map<String, String>>) reach.get("callers")).extracting(x -> x.get("name"))
                .containsExactlyInAnyOrder("f1", "f3", "M", "N");
        assertThat((List<Map<String, String>>) reach.get("callees")).extracting(x -> x.get("name")).containsExactly("T");
        assertThat(network.distance("M", "N")).isEqualTo(4);
        assertThat(network.distance("M", "nobody")).isEqualTo(-1);
    }
}
