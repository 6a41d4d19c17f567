package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.testmetrics.metrics.PlanMetrics.Case;
import io.clearflow.testmetrics.metrics.PlanMetrics.CaseStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plan figures worked by hand. */
class PlanMetricsTest {

    @Test
    void fiveCasesByHand() {
        // 3 of 5 automated = 0.6; cases 1, 2 and 4 name demands {7, 8}, {8}, {9} → 3 of 5 linked = 0.6, 3 demands;
        // statuses P, F, B, -, P → 4 of 5 executed (0.8), pass rate 2 / (2 + 1) over those that ran;
        // defects D-1 (case 2), D-1 again and D-2 (case 4, not run) → 2 distinct / 3 that ran
        var f = PlanMetrics.compute(List.of(
                new Case(1, true, Set.of(7L, 8L), CaseStatus.PASSED, Set.of()),
                new Case(2, true, Set.of(8L), CaseStatus.FAILED, Set.of("D-1")),
                new Case(3, false, Set.of(), CaseStatus.BLOCKED, Set.of()),
                new Case(4, false, Set.of(9L), CaseStatus.NOT_RUN, Set.of("D-1", "D-2")),
                new Case(5, true, Set.of(), CaseStatus.PASSED, Set.of())));
        assertThat(f.cases()).isEqualTo(5);
        assertThat(f.automated()).isEqualTo(3);
        assertThat(f.manual()).isEqualTo(2);
        assertThat(f.automationRatio()).isEqualTo(0.6);
        assertThat(f.linkedCases()).isEqualTo(3);
        assertThat(f.demands()).isEqualTo(3);
        assertThat(f.requirementCoverage()).isEqualTo(0.6);
        assertThat(f.executed()).isEqualTo(4);
        assertThat(f.progress()).isEqualTo(0.8);
        assertThat(f.passed()).isEqualTo(2);
        assertThat(f.failed()).isEqualTo(1);
        assertThat(f.blocked()).isEqualTo(1);
        assertThat(f.notRun()).isEqualTo(1);
        assertThat(f.passRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(f.defects()).isEqualTo(2);
        assertThat(f.effectiveness()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void noCasesNoRatios() {
        var f = PlanMetrics.compute(List.of());
        assertThat(f.automationRatio()).isNull();
        assertThat(f.requirementCoverage()).isNull();
        assertThat(f.effectiveness()).isNull();
        var notRun = PlanMetrics.compute(List.of(new Case(1, false, Set.of(), CaseStatus.NOT_RUN, Set.of())));
        assertThat(notRun.progress()).isZero();
        assertThat(notRun.passRate()).isNull();
        assertThat(notRun.effectiveness()).isNull();
    }
}
