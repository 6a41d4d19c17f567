package io.clearflow.delivery.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.delivery.stress.results.LoadResultReader;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a whole run into the seed's phases by its load steps, worked by hand; boundaries set by hand. */
class PhaseSplitTest {

    static final long START = 1_764_999_960_000L; // on a minute: the timeline's 60-second buckets start with the run

    /**
     * One JTL of a whole run: 20 min at 10/s (elapsed 50 ms), 8 min at 30/s (elapsed 120 ms, with a 1-minute ramp
     * from 10/s before it), 125 min at 20/s (elapsed 80 ms, every 1000th sample failed). The run is longer than an
     * hour, so the timeline has 60-second buckets.
     */
    static String wholeRun() {
        StringBuilder jtl = new StringBuilder("timeStamp,elapsed,label,success\n");
        long t = START;
        t = step(jtl, t, 19 * 60, 10, 50, 0);
        t = step(jtl, t, 60, 20, 90, 0);
        t = step(jtl, t, 8 * 60, 30, 120, 0);
        step(jtl, t, 125 * 60, 20, 80, 1000);
        return jtl.toString();
    }

    private static long step(StringBuilder jtl, long t, int seconds, int perSecond, int elapsed, int failEvery) {
        int n = 0;
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < perSecond; i++) {
                n++;
                boolean ok = failEvery == 0 || n % failEvery != 0;
                jtl.append(t + s * 1000L + i * (1000L / perSecond)).append(',').append(elapsed).append(",410301,")
                        .append(ok).append('\n');
            }
        }
        return t + seconds * 1000L;
    }

    @Test
    void aWholeRunSplitsIntoBaselinePeakAndStabilityWithTheirFigures() {
        LoadSummary run = new LoadResultReader().read(new ByteArrayInputStream(wholeRun().getBytes(StandardCharsets.UTF_8)));
        assertThat(run.bucketSeconds()).isEqualTo(60);
        // each bucket's p95 is now known: the first minute's samples all took 50 ms
        assertThat(run.timeline().get(0).p95Ms()).isEqualTo(50.0);

        List<PhaseSplit.Segment> phases = PhaseSplit.detect(run.timeline(), run.bucketSeconds());
        assertThat(phases).extracting(PhaseSplit.Segment::phase)
                .containsExactly(Phase.BASELINE, Phase.PEAK, Phase.STABILITY);
        PhaseSplit.Segment baseline = phases.get(0), peak = phases.get(1), stability = phases.get(2);
        // the 1-minute ramp (20/s) is too short for a step of its own and joins the nearer level: the baseline (10/s)
        // is 10 away, the peak (30/s) too — ties go to the earlier step
        assertThat(baseline.minutes()).isEqualTo(20.0);
        assertThat(baseline.samples()).isEqualTo(19 * 60 * 10 + 60 * 20);
        assertThat(baseline.throughput()).isCloseTo((19 * 60 * 10 + 60 * 20) / 1200.0, within(1e-9));
        assertThat(peak.startMs() - START).isEqualTo(20 * 60_000L);
        assertThat(peak.minutes()).isEqualTo(8.0);
        assertThat(peak.throughput()).isCloseTo(30.0, within(1e-9));
        assertThat(peak.p95Ms()).isEqualTo(120.0);
        assertThat(peak.errorRate()).isZero();
        assertThat(stability.minutes()).isEqualTo(125.0);
        assertThat(stability.samples()).isEqualTo(125 * 60 * 20);
        assertThat(stability.errorRate()).isCloseTo(150.0 / 150_000, within(1e-12));
        assertThat(stability.p95Ms()).isEqualTo(80.0);
        // the phases account for every sample of the file
        assertThat(phases.stream().mapToLong(PhaseSplit.Segment::samples).sum()).isEqualTo(run.samples());
    }

    @Test
    void boundariesSetByHandAreCheckedAndNameTheirPhasesByLength() {
        LoadSummary run = new LoadResultReader().read(new ByteArrayInputStream(wholeRun().getBytes(StandardCharsets.UTF_8)));
        long start = run.timeline().get(0).startMs();
        long end = run.lastEndMs();
        // the user puts the peak's start one minute earlier (with the ramp): a 9-minute peak after a 19-minute baseline
        long[] bounds = PhaseSplit.fromMinutes(List.of(19.0, 28.0), start, end);
        List<PhaseSplit.Segment> phases = PhaseSplit.at(run.timeline(), run.bucketSeconds(), bounds);
        assertThat(phases).extracting(PhaseSplit.Segment::phase).containsExactly(Phase.BASELINE, Phase.PEAK, Phase.STABILITY);
        assertThat(phases.get(1).samples()).isEqualTo(60 * 20 + 8 * 60 * 30);
        // without a boundary the whole file is one phase, named by its length
        assertThat(PhaseSplit.at(run.timeline(), run.bucketSeconds(), new long[0])).extracting(PhaseSplit.Segment::phase)
                .containsExactly(Phase.STABILITY);

        assertThatThrownBy(() -> PhaseSplit.fromMinutes(List.of(28.0, 19.0), start, end)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhaseSplit.fromMinutes(List.of(0.0), start, end)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhaseSplit.fromMinutes(List.of(1e6), start, end)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhaseSplit.fromMinutes(List.of(Double.NaN), start, end)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PhaseSplit.detect(List.of(), 1)).isEmpty();
    }

    /** The verdict's stability check finds the stability step inside a whole-run file marked other, not its whole. */
    @Test
    void theStabilityStepOfAWholeRunFileCountsForTheVerdict() {
        LoadSummary run = new LoadResultReader().read(new ByteArrayInputStream(wholeRun().getBytes(StandardCharsets.UTF_8)));
        StressResult whole = new StressResult(1, 1, "whole.jtl", "JTL_CSV", Phase.OTHER, run.samples(), run.failed(),
                run.throughput(), run.p50Ms(), run.p95Ms(), run.p99Ms(), run.errorRate(), run.firstStartMs(), run.lastEndMs(),
                List.of(), run.bucketSeconds(), run.labels(), run.timeline(), "zhengshi", java.time.Instant.now(), null);
        var peak = java.util.Optional.of(new SystemPeak("ctrade", 5, 100, 1000, 3, 2, 0.002, 0.1));
        StressVerdict.Check stability = StressVerdict.judge(peak, List.of(whole), List.of()).checks().stream()
                .filter(c -> c.name().equals("stability")).findFirst().orElseThrow();
        // 150 failed of the step's 150,000 samples: 0.001 ≤ 0.002
        assertThat(stability.passed()).isTrue();
        assertThat(stability.value()).isCloseTo(0.001, within(1e-12));
        // marked as something else (a baseline), the file's steps do not count
        StressResult marked = new StressResult(1, 1, "whole.jtl", "JTL_CSV", Phase.BASELINE, run.samples(), run.failed(),
                run.throughput(), run.p50Ms(), run.p95Ms(), run.p99Ms(), run.errorRate(), run.firstStartMs(), run.lastEndMs(),
                List.of(), run.bucketSeconds(), run.labels(), run.timeline(), "zhengshi", java.time.Instant.now(), null);
        assertThat(StressVerdict.judge(peak, List.of(marked), List.of()).checks()).filteredOn(c -> c.name().equals("stability"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
    }
}
