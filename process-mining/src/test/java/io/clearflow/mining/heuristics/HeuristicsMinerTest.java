package io.clearflow.mining.heuristics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Worked by hand. Log: 5 x a b c d, 3 x a c b d, 2 x a b b c d, 2 x a e f e f d.
 * Directly-follows: a>b 7, b>c 7, c>d 7, a>c 3, c>b 3, b>d 3, b>b 2, a>e 2, e>f 4, f>e 2, f>d 2.
 * Dependencies: a=>b 7/8 = .875, c=>d .875, a=>c 3/4 = .75, b=>d .75, a=>e 2/3, f=>d 2/3,
 * b=>c (7-3)/11 = .364, e=>f (4-2)/7 = .286; loop b=>b 2/3; length-2 loop e,f: a b a patterns e f e (1 per
 * trace) and f e f (1 per trace), so (2+2)/(4+1) = .8.
 */
class HeuristicsMinerTest {

    private static EventLog log() {
        EventLogBuilder builder = new EventLogBuilder("hm");
        int c = 0;
        c = add(builder, c, 5, "a", "b", "c", "d");
        c = add(builder, c, 3, "a", "c", "b", "d");
        c = add(builder, c, 2, "a", "b", "b", "c", "d");
        add(builder, c, 2, "a", "e", "f", "e", "f", "d");
        return builder.build();
    }

    private static int add(EventLogBuilder builder, int c, int times, String... activities) {
        for (int t = 0; t < times; t++, c++) {
            for (int i = 0; i < activities.length; i++) {
                builder.add("c" + c, activities[i], 1_000L * i, null, null, null, null, null);
            }
        }
        return c;
    }

    private static Map<String, HeuristicsNet.DependencyEdge> edges(HeuristicsNet net) {
        Map<String, HeuristicsNet.DependencyEdge> byName = new TreeMap<>();
        net.edges().forEach(e -> byName.put(e.source() + ">" + e.target(), e));
        return byName;
    }

    @Test
    void dependencyThresholdKeepsCausalEdgesAndFindsBothKindsOfLoop() {
        HeuristicsNet net = HeuristicsMiner.mine(log(), HeuristicsMiner.Parameters.defaults());
        Map<String, HeuristicsNet.DependencyEdge> edges = edges(net);

        assertThat(edges.keySet()).containsExactly("a>b", "a>c", "a>e", "b>b", "b>d", "c>d", "e>f", "f>d", "f>e");
        assertThat(edges.get("a>b").dependency()).isCloseTo(0.875, within(1e-9));
        assertThat(edges.get("a>b").frequency()).isEqualTo(7);
        assertThat(edges.get("a>c").dependency()).isCloseTo(0.75, within(1e-9));
        assertThat(edges.get("f>d").dependency()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(edges.get("b>b").loop()).isEqualTo(HeuristicsNet.DependencyEdge.LOOP_ONE);
        assertThat(edges.get("b>b").dependency()).isCloseTo(2 / 3.0, within(1e-9));
        // e>f alone (.286) is under the threshold: the length-2 loop brings both directions in
        assertThat(edges.get("e>f").loop()).isEqualTo(HeuristicsNet.DependencyEdge.LOOP_TWO);
        assertThat(edges.get("e>f").dependency()).isCloseTo(0.8, within(1e-9));
        assertThat(edges.get("e>f").frequency()).isEqualTo(4);
        assertThat(edges.get("f>e").loop()).isEqualTo(HeuristicsNet.DependencyEdge.LOOP_TWO);
        assertThat(edges.get("a>b").loop()).isNull();
        assertThat(net.startActivities()).containsExactly(Map.entry("a", 12L));
        assertThat(net.endActivities()).containsExactly(Map.entry("d", 12L));
        assertThat(net.activities().get(0).name()).isIn("a", "d");
    }

    @Test
    void thresholdsAndPositiveObservationsMoveTheNet() {
        Map<String, HeuristicsNet.DependencyEdge> lower = edges(HeuristicsMiner.mine(log(), new HeuristicsMiner.Parameters(0.3, 1, 0.5, 0.5)));
        assertThat(lower).containsKey("b>c"); // .364
        assertThat(lower.get("b>c").dependency()).isCloseTo(4 / 11.0, within(1e-9));

        Map<String, HeuristicsNet.DependencyEdge> strict = edges(HeuristicsMiner.mine(log(), new HeuristicsMiner.Parameters(0.8, 3, 0.7, 0.9)));
        // only a>b and c>d reach .8 with 3 observations; b>b (2/3) and the e-f loop (.8) are out
        assertThat(strict.keySet()).containsExactly("a>b", "c>d");

        assertThatThrownBy(() -> new HeuristicsMiner.Parameters(Double.NaN, 1, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeuristicsMiner.Parameters(0.5, 0, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
