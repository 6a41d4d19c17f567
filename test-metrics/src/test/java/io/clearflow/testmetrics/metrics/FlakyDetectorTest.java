package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.metrics.FlakyDetector.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlakyDetectorTest {

    static Observation o(String test, int run, TestStatus status) {
        return new Observation(test, run, status, false);
    }

    @Test
    void flipsRetriesAndScoresWorkedByHand() {
        var P = TestStatus.PASSED;
        var F = TestStatus.FAILED;
        var S = TestStatus.SKIPPED;
        List<Observation> seen = List.of(
                // A: P F P F P → 4 flips over 5 executed runs → 0.8
                o("A", 0, P), o("A", 1, F), o("A", 2, P), o("A", 3, F), o("A", 4, P),
                // B: always passes → not flaky
                o("B", 0, P), o("B", 1, P), o("B", 2, P), o("B", 3, P), o("B", 4, P),
                // C: P P S F F → skipped ignored: P P F F → 1 flip over 4 executed → 0.25
                o("C", 0, P), o("C", 1, P), o("C", 2, S), o("C", 3, F), o("C", 4, F),
                // D: passed after a retry in run 2, absent in runs 0 and 4 → 1 retried over 3 executed → 0.333…
                o("D", 1, P), new Observation("D", 2, P, true), o("D", 3, P),
                // E: consistently failing → not flaky
                o("E", 0, F), o("E", 1, F), o("E", 2, F), o("E", 3, F), o("E", 4, F),
                // G: two reports in run 0 disagree, the failure wins: F F → not flaky
                o("G", 0, P), o("G", 0, F), o("G", 1, F));
        var flaky = FlakyDetector.detect(5, seen);
        assertThat(flaky).extracting(FlakyDetector.FlakyTest::test).containsExactly("A", "D", "C");
        var a = flaky.get(0);
        assertThat(a.history()).isEqualTo("PFPFP");
        assertThat(a.flips()).isEqualTo(4);
        assertThat(a.score()).isEqualTo(0.8);
        var d = flaky.get(1);
        assertThat(d.history()).isEqualTo("-PRP-");
        assertThat(d.flips()).isZero();
        assertThat(d.retriedPasses()).isEqualTo(1);
        assertThat(d.score()).isEqualTo(1.0 / 3);
        var c = flaky.get(2);
        assertThat(c.history()).isEqualTo("PPSFF");
        assertThat(c.score()).isEqualTo(0.25);
    }
}
