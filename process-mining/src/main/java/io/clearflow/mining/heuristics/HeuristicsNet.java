package io.clearflow.mining.heuristics;

import java.util.List;
import java.util.Map;

/**
 * A heuristics net (dependency graph), in the shape of the DFG ({@code activities}, {@code edges} with
 * {@code source}, {@code target}, {@code frequency}, start and end activities) so the process map draws
 * either; each edge adds its dependency measure and whether it is a loop of length one or two.
 */
public record HeuristicsNet(List<NetActivity> activities, List<DependencyEdge> edges, Map<String, Long> startActivities,
                            Map<String, Long> endActivities, HeuristicsMiner.Parameters parameters) {

    public record NetActivity(String name, long frequency) {
    }

    /** {@code frequency} = directly-follows count; {@code loop} is {@code "L1"}, {@code "L2"} or {@code null}. */
    public record DependencyEdge(String source, String target, long frequency, double dependency, String loop) {
        public static final String LOOP_ONE = "L1";
        public static final String LOOP_TWO = "L2";
    }
}
