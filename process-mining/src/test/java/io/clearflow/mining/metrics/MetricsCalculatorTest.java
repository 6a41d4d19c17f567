package io.clearflow.mining.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's metric system on {@link HandMadeLog}, whose answers are worked out by hand in its comment. */
class MetricsCalculatorTest {

    private static final double HOUR = 3_600_000;
    private static final double MINUTE = 60_000;

    private final MetricsReport report = MetricsCalculator.compute(HandMadeLog.build());

    @Test
    void processDimensionWithMonthOverMonth() {
        var process = report.process();
        assertThat(process.cases()).isEqualTo(2);
        assertThat(process.handlingDuration()).isEqualTo(new MetricsReport.Distribution(2, 23_100_000.0, 23_100_000.0,
                28_800_000.0));
        assertThat(process.meanDepartments()).isEqualTo(2.0);
        assertThat(process.meanRoles()).isEqualTo(2.5);
        assertThat(process.months()).extracting(MonthOverMonth.Month::month).containsExactly("2026-01", "2026-02");
        var january = process.months().get(0);
        var february = process.months().get(1);
        assertThat(january.values()).containsEntry("meanDurationMs", 8 * HOUR).containsEntry("meanRoles", 3.0);
        assertThat(january.changePercent().get("meanDurationMs")).isNull();
        assertThat(february.values()).containsEntry("meanDurationMs", 4 * HOUR + 50 * MINUTE)
                .containsEntry("meanDepartments", 2.0);
        assertThat(february.changePercent()).containsEntry("meanDurationMs", -39.58).containsEntry("meanRoles", -33.33)
                .containsEntry("cases", 0.0);
    }

    @Test
    void taskWaitingHandlingSendBacksAndWithdrawals() {
        var review = task("review");
        assertThat(review.instances()).isEqualTo(3);
        assertThat(review.waiting()).isEqualTo(new MetricsReport.Distribution(3, 70 * MINUTE, HOUR, 2 * HOUR));
        assertThat(review.handling()).isEqualTo(new MetricsReport.Distribution(2, 1.5 * HOUR, 1.5 * HOUR, 2 * HOUR));
        assertThat(review.sendBacks()).isEqualTo(1);
        assertThat(review.withdrawals()).isZero();
        assertThat(review.months().get(1).values()).containsEntry("instances", 2.0)
                .containsEntry("meanWaitingMs", 75 * MINUTE).containsEntry("sendBacks", 1.0);
        assertThat(review.months().get(1).changePercent()).containsEntry("instances", 100.0)
                .containsEntry("meanWaitingMs", 25.0).containsEntry("sendBacks", null);

        var approve = task("approve");
        assertThat(approve.instances()).isEqualTo(2);
        assertThat(approve.waiting().count()).isEqualTo(1); // the withdrawn one was never picked up
        assertThat(approve.waiting().meanMs()).isEqualTo(4 * HOUR);
        assertThat(approve.handling().meanMs()).isEqualTo(HOUR);
        assertThat(approve.withdrawals()).isEqualTo(1);
        assertThat(approve.sendBacks()).isZero();

        var submit = task("submit");
        assertThat(submit.instances()).isEqualTo(3);
        assertThat(submit.waiting()).isEqualTo(new MetricsReport.Distribution(1, 50 * MINUTE, 50 * MINUTE, 50 * MINUTE));
        assertThat(submit.handling().count()).isZero();
        assertThat(submit.handling().meanMs()).isNull();
    }

    @Test
    void postAndPersonDimension() {
        assertThat(report.resources()).extracting(MetricsReport.ResourceMetrics::resource,
                        MetricsReport.ResourceMetrics::processes, MetricsReport.ResourceMetrics::steps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", 2L, 3L),
                        org.assertj.core.groups.Tuple.tuple("bob", 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple("carol", 1L, 1L));
        var alice = report.resources().get(0);
        assertThat(alice.months().get(1).values()).isEqualTo(Map.of("processes", 1.0, "steps", 2.0));
        assertThat(alice.months().get(1).changePercent()).containsEntry("steps", 100.0);

        var a = report.posts().get(0);
        assertThat(a.post()).isEqualTo("A");
        assertThat(a.steps()).isEqualTo(5);
        assertThat(a.peakPerHour()).isEqualTo(2);
        assertThat(a.peakHour()).isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
        assertThat(a.peakPerDay()).isEqualTo(3);
        assertThat(a.peakDay()).isEqualTo(LocalDate.parse("2026-02-02"));
        assertThat(a.months().get(1).changePercent()).containsEntry("peakPerHour", 100.0).containsEntry("peakPerDay", 50.0);
        var b = report.posts().get(1);
        assertThat(List.of(b.post(), b.steps(), b.peakPerHour(), b.peakHour()))
                .containsExactly("B", 1L, 1L, Instant.parse("2026-01-05T17:00:00Z"));
    }

    private MetricsReport.TaskMetrics task(String activity) {
        return report.tasks().stream().filter(t -> t.activity().equals(activity)).findFirst().orElseThrow();
    }
}
