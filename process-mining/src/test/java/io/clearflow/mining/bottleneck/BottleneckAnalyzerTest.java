package io.clearflow.mining.bottleneck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.metrics.HandMadeLog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BottleneckAnalyzerTest {

    private static final double HOUR = 3_600_000;
    private static final double MINUTE = 60_000;

    @Test
    void ranksByTotalWaitingFindsReworkSlaBreachesAndDepartments() {
        BottleneckReport report = BottleneckAnalyzer.analyze(HandMadeLog.build(), Duration.ofHours(6));

        assertThat(report.activities()).extracting(BottleneckReport.ActivityWait::activity,
                        BottleneckReport.ActivityWait::frequency, BottleneckReport.ActivityWait::totalWaitMs)
                .containsExactly(tuple("approve", 1L, 4 * HOUR), tuple("review", 3L, 3.5 * HOUR),
                        tuple("submit", 1L, 50 * MINUTE));
        assertThat(report.activities().get(1).meanWaitMs()).isEqualTo(70 * MINUTE);
        assertThat(report.handoffs()).extracting(BottleneckReport.HandoffWait::source, BottleneckReport.HandoffWait::target,
                        BottleneckReport.HandoffWait::frequency, BottleneckReport.HandoffWait::totalWaitMs)
                .containsExactly(tuple("review", "approve", 1L, 4 * HOUR), tuple("submit", "review", 3L, 3.5 * HOUR),
                        tuple("submit", "submit", 1L, 50 * MINUTE));
        assertThat(report.rework()).containsExactly(new BottleneckReport.Rework("review", 1, 1),
                new BottleneckReport.Rework("submit", 1, 1));
        assertThat(report.sla().casesOver()).isEqualTo(1);
        assertThat(report.sla().shareOver()).isEqualTo(0.5);
        assertThat(report.sla().worst()).containsExactly(new BottleneckReport.CaseDuration("c1", (long) (8 * HOUR)));
        assertThat(report.departments()).extracting(BottleneckReport.DepartmentWait::department,
                        BottleneckReport.DepartmentWait::totalWaitMs)
                .containsExactly(tuple("A", 4 * HOUR + 20 * MINUTE), tuple("B", 4 * HOUR));
    }

    @Test
    void frequentShortWaitsOutrankOneLongWait() {
        EventLogBuilder builder = new EventLogBuilder("frequency");
        for (int c = 0; c < 10; c++) {
            builder.add("x" + c, "start", 0, null, null, null, null, null)
                    .add("x" + c, "often", (long) HOUR, null, null, null, null, null);
        }
        builder.add("y", "start", 0, null, null, null, null, null)
                .add("y", "rarely", (long) (5 * HOUR), null, null, null, null, null);
        EventLog log = builder.build();

        var ranking = BottleneckAnalyzer.analyze(log, Duration.ofDays(1)).activities();

        assertThat(ranking).extracting(BottleneckReport.ActivityWait::activity).containsExactly("often", "rarely");
        assertThat(ranking.get(0).totalWaitMs()).isEqualTo(10 * HOUR);
        assertThat(ranking.get(1).meanWaitMs()).isEqualTo(5 * HOUR);
    }
}
