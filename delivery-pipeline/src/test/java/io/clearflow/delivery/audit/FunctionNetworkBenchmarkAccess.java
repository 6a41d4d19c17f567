package io.clearflow.delivery.audit;

import java.util.List;

/** Opens the function network's analyses to the benchmark in {@code bench}. */
public final class FunctionNetworkBenchmarkAccess {

    private FunctionNetworkBenchmarkAccess() {
    }

    /** {nodes, edges, diameter} of the relations {caller, callerKind, callee, calleeKind}. */
    public static int[] analyse(List<String[]> relations) {
        var network = new FunctionNetwork(relations.stream()
                .map(r -> new FunctionNetwork.Relation(r[0], r[1], r[2], r[3])).toList());
        var m = network.metrics(20);
        return new int[] {m.nodes(), m.edges(), m.diameter()};
    }
}
