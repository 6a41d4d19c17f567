package io.clearflow.delivery.stress.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.clearflow.engine.api.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked by hand: five codes with 600, 300, 95, 4 and 1 calls (two intervals each for the first two), peak 100 TPS,
 * target 3 × peak = 300/s. Shares .6 .3 .095 .004 .001; cumulative .6 .9 .995 → the main set is 410301, 410302,
 * 410501 (.995 ≥ .99 is reached at the third code).
 */
class WorkloadModelTest {

    static final String SAMPLE = """
            interval,function_code,business,count
            2026-11-01T09:30,410301,trade,400
            2026-11-01T09:31,410301,trade,200
            2026-11-01T09:30,410302,trade,100
            2026-11-01T09:31,410302,trade,200
            2026-11-01T09:30,410501,query,95
            2026-11-01T09:30,410502,query,4
            2026-11-01T09:30,100001,admin,1
            """;

    @Test
    void sharesMainSetMixesAndRates() throws Exception {
        var sample = CallSampleReader.read(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)));
        WorkloadModel.Model m = WorkloadModel.of(sample, 100, 3);
        assertThat(m.totalCalls()).isEqualTo(1000);
        assertThat(m.targetTps()).isEqualTo(300.0);
        assertThat(m.codes()).extracting(WorkloadModel.Code::code)
                .containsExactly("410301", "410302", "410501", "410502", "100001");
        assertThat(m.codes()).extracting(WorkloadModel.Code::share).containsExactly(0.6, 0.3, 0.095, 0.004, 0.001);
        assertThat(m.mainSet()).containsExactly("410301", "410302", "410501");

        // full: 0.6 × 300 = 180/s for 410301
        assertThat(line(m, WorkloadModel.TestType.FULL, "full", "410301").ratePerSecond()).isCloseTo(180, offset(1e-9));
        // main: 0.6 / 0.995 = 0.603015…; × 300 = 180.904…/s
        var mainA = line(m, WorkloadModel.TestType.MAIN, "main", "410301");
        assertThat(mainA.share()).isCloseTo(0.6 / 0.995, offset(1e-12));
        assertThat(mainA.ratePerSecond()).isCloseTo(180.9045226, offset(1e-6));
        assertThat(m.mixes().stream().filter(l -> l.type() == WorkloadModel.TestType.SINGLE)).hasSize(3);
        // burst of query: weights .6, .3, .095 × 3 = .285 → sum 1.185; 410501 gets .285 / 1.185 = 0.240506…
        var burst = line(m, WorkloadModel.TestType.BURST, "burst:query", "410501");
        assertThat(burst.share()).isCloseTo(0.2405063, offset(1e-6));
        assertThat(burst.ratePerSecond()).isCloseTo(72.1518987, offset(1e-6));
        // one burst scenario per business of the main set
        assertThat(m.mixes().stream().filter(l -> l.type() == WorkloadModel.TestType.BURST).map(l -> l.scenario()).distinct())
                .containsExactly("burst:query", "burst:trade");

        String csv = WorkloadModel.csv(m);
        assertThat(csv).startsWith("test_type,scenario,function_code,business,share,rate_per_second\n")
                .contains("MAIN,main,410301,trade,0.603015,180.905\n").contains("SINGLE,single:410301,410301,trade,1.000000,\n");
    }

    @Test
    void exportNeutralisesFormulasAndBadSamplesAreRefused() {
        assertThat(WorkloadModel.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        for (String bad : List.of("", "code,count\n1,2\n", "function_code,business,count\n410301,trade,-5\n",
                "function_code,business,count\n410301,trade,many\n", "function_code,business,count\n410301,trade,0\n")) {
            assertThatThrownBy(() -> CallSampleReader.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    private static WorkloadModel.MixLine line(WorkloadModel.Model m, WorkloadModel.TestType type, String scenario,
                                              String code) {
        return m.mixes().stream().filter(l -> l.type() == type && l.scenario().equals(scenario) && l.code().equals(code))
                .findFirst().orElseThrow();
    }
}
