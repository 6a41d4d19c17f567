package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.testmetrics.api.DoraReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoraCalculatorTest {

    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    static DoraReport.Metric metric(DoraReport r, String key) {
        return r.metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void fiveMetricsWithBandsWorkedByHand() {
        var deployments = List.of(
                new DoraCalculator.Deployment("d1", day(1), true, false),
                new DoraCalculator.Deployment("d2", day(3), false, false),
                new DoraCalculator.Deployment("d3", day(5), true, true),
                new DoraCalculator.Deployment("d4", day(8), true, false));
        var changes = List.of(
                new DoraCalculator.Change(day(1).minus(Duration.ofHours(12)), "d1"),
                new DoraCalculator.Change(day(3).minus(Duration.ofHours(30)), "d2"),
                new DoraCalculator.Change(day(8).minus(Duration.ofHours(50)), "d4"),
                new DoraCalculator.Change(day(2), null)); // not shipped: not counted
        var incidents = List.of(
                new DoraCalculator.Incident(day(3).plus(Duration.ofHours(1)), day(3).plus(Duration.ofHours(3)), "d2"),
                new DoraCalculator.Incident(day(6), day(6).plus(Duration.ofMinutes(30)), null));
        DoraReport r = DoraCalculator.compute("ctrade", T0, day(10), deployments, changes, incidents);
        // 4 deployments in 10 days = 0.4 per day: at least weekly → high
        assertThat(metric(r, "deploymentFrequency").value()).isEqualTo(0.4);
        assertThat(metric(r, "deploymentFrequency").band()).isEqualTo("high");
        // lead times 12, 30, 50 hours: median 30 h, under a week → high
        assertThat(metric(r, "changeLeadTime").value()).isEqualTo(30.0);
        assertThat(metric(r, "changeLeadTime").band()).isEqualTo("high");
        // 1 of 4 failed = 25 % → medium (≤ 30 %)
        assertThat(metric(r, "changeFailRate").value()).isEqualTo(25.0);
        assertThat(metric(r, "changeFailRate").band()).isEqualTo("medium");
        // only the incident from the failed deployment d2 counts: 2 hours → high
        assertThat(metric(r, "failedDeploymentRecoveryTime").value()).isEqualTo(2.0);
        assertThat(metric(r, "failedDeploymentRecoveryTime").band()).isEqualTo("high");
        // 1 unplanned fix deployment of 4 = 25 %, no published band
        assertThat(metric(r, "deploymentReworkRate").value()).isEqualTo(25.0);
        assertThat(metric(r, "deploymentReworkRate").band()).isEqualTo("none");
        assertThat(r.deployments()).isEqualTo(4);
    }

    @Test
    void noEventsNoBands() {
        DoraReport r = DoraCalculator.compute("x", T0, day(30), List.of(), List.of(), List.of());
        assertThat(r.metrics()).hasSize(5).allMatch(m -> m.band().equals("none"));
        assertThat(metric(r, "changeFailRate").value()).isNull();
    }
}
