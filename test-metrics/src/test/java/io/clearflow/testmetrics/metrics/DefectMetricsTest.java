package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefectMetricsTest {

    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void byPhaseEscapeRateFixTimeDensityEffectiveness() {
        var defects = List.of(
                new DefectMetrics.Defect("development", "major", false, T0, T0.plus(Duration.ofHours(10)), "a.T.x"),
                new DefectMetrics.Defect("integration", "minor", false, T0, T0.plus(Duration.ofHours(30)), "a.T.y"),
                new DefectMetrics.Defect("production", "critical", true, T0, null, null),
                new DefectMetrics.Defect("acceptance", "major", false, T0, T0.plus(Duration.ofHours(2)), null));
        var f = DefectMetrics.compute(defects, 8000, 200);
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.byPhase()).containsExactly(
                org.assertj.core.api.Assertions.entry("requirements", 0), org.assertj.core.api.Assertions.entry("design", 0),
                org.assertj.core.api.Assertions.entry("development", 1), org.assertj.core.api.Assertions.entry("integration", 1),
                org.assertj.core.api.Assertions.entry("acceptance", 1), org.assertj.core.api.Assertions.entry("production", 1));
        assertThat(f.escapeRate()).isEqualTo(0.25); // 1 production of 4
        assertThat(f.meanFixTime()).isEqualTo(Duration.ofHours(14)); // (10 + 30 + 2) / 3
        assertThat(f.densityPerKloc()).isEqualTo(0.5); // 4 per 8,000 lines
        assertThat(f.caseEffectiveness()).isEqualTo(0.01); // 2 linked of 200 cases
        assertThat(DefectMetrics.compute(List.of(), 0, 0).escapeRate()).isNull();
    }

    @Test
    void findingDiffByFingerprint() {
        var diff = FindingDiff.of(java.util.Set.of("a", "b", "c"), java.util.Set.of("b", "c", "d", "e"));
        assertThat(diff).isEqualTo(new FindingDiff(2, 1, 2));
        assertThat(FindingDiff.of(null, java.util.Set.of("x"))).isEqualTo(new FindingDiff(1, 0, 0));
    }
}
