package io.clearflow.mining.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random play-out of a Petri net: traces the model itself generates, so they must fit it perfectly. Shared by the
 * conformance tests and the alignment benchmark, which then adds its own noise.
 */
public final class NetPlayOut {

    private NetPlayOut() {
    }

    /** {@code cases} traces that end with exactly the sink marked (runs that deadlock or loop too long are dropped). */
    public static List<List<String>> traces(PetriNet net, int cases, long seed) {
        Random random = new Random(seed);
        List<List<String>> traces = new ArrayList<>();
        while (traces.size() < cases) {
            List<String> trace = once(net, random, 500);
            if (trace != null) {
                traces.add(trace);
            }
        }
        return traces;
    }

    /** One run firing a random enabled transition at each step; null unless it ends with exactly the sink marked. */
    public static List<String> once(PetriNet net, Random random, int maxSteps) {
        int[] marking = new int[net.placeCount()];
        marking[net.source()] = 1;
        List<String> trace = new ArrayList<>();
        for (int step = 0; step < maxSteps; step++) {
            List<PetriNet.Transition> enabled = new ArrayList<>();
            for (PetriNet.Transition t : net.transitions()) {
                boolean on = true;
                for (int p : t.inputs()) {
                    on &= marking[p] > 0;
                }
                if (on) {
                    enabled.add(t);
                }
            }
            if (enabled.isEmpty()) {
                break;
            }
            PetriNet.Transition t = enabled.get(random.nextInt(enabled.size()));
            for (int p : t.inputs()) {
                marking[p]--;
            }
            for (int p : t.outputs()) {
                marking[p]++;
            }
            if (t.visible()) {
                trace.add(t.label());
            }
        }
        int total = 0;
        for (int m : marking) {
            total += m;
        }
        return total == 1 && marking[net.sink()] == 1 ? trace : null;
    }
}
