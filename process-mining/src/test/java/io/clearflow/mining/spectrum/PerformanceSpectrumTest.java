package io.clearflow.mining.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.spectrum.SpectrumReport.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSpectrumTest {

    private static final long H = 3_600_000L;
    private static final long T0 = 1_735_689_600_000L; // 2025-01-01T00:00Z

    /** Four cases a→b of 1, 2, 3 and 10 hours, one a→c→b (not a direct succession), one b→a (the other direction). */
    private static EventLog log() {
        EventLogBuilder b = new EventLogBuilder("spectrum");
        long[][] ab = {{0, 1}, {1, 3}, {2, 5}, {3, 13}};
        for (int i = 0; i < ab.length; i++) {
            b.add("c" + i, "a", T0 + ab[i][0] * H, null, null, null, null, null);
            b.add("c" + i, "b", T0 + ab[i][1] * H, null, null, null, null, null);
        }
        b.add("x", "a", T0, null, null, null, null, null);
        b.add("x", "c", T0 + H, null, null, null, null, null);
        b.add("x", "b", T0 + 2 * H, null, null, null, null, null);
        b.add("y", "b", T0, null, null, null, null, null);
        b.add("y", "a", T0 + H, null, null, null, null, null);
        return b.build();
    }

    @Test
    void aLinePerDirectSuccessionClassedByDurationQuartile() {
        SpectrumReport report = PerformanceSpectrum.of(log(), "a", "b", 100);
        assertThat(report.segments()).isEqualTo(4);
        assertThat(report.binned()).isFalse();
        // durations 1, 2, 3, 10 h: nearest-rank quartiles 1 h, 2 h, 3 h
        assertThat(report.quartilesMs()).containsExactly(H, 2 * H, 3 * H);
        assertThat(report.lines()).containsExactly(
                new Line("c0", T0, T0 + H, H, 1, 1),
                new Line("c1", T0 + H, T0 + 3 * H, 2 * H, 2, 1),
                new Line("c2", T0 + 2 * H, T0 + 5 * H, 3 * H, 3, 1),
                new Line("c3", T0 + 3 * H, T0 + 13 * H, 10 * H, 4, 1));
        assertThat(PerformanceSpectrum.of(log(), "b", "a", 100).lines()).extracting(Line::caseId).containsExactly("y");
    }

    @Test
    void manySegmentsAreBinnedKeepingTheCounts() {
        EventLogBuilder b = new EventLogBuilder("batch");
        // 300 cases arrive at a over 100 hours and all reach b in one batch at hour 120
        for (int i = 0; i < 300; i++) {
            b.add("c" + i, "a", T0 + i * H / 3, null, null, null, null, null);
            b.add("c" + i, "b", T0 + 120 * H, null, null, null, null, null);
        }
        SpectrumReport report = PerformanceSpectrum.of(b.build(), "a", "b", 50);
        assertThat(report.binned()).isTrue();
        assertThat(report.segments()).isEqualTo(300);
        assertThat(report.lines().stream().mapToLong(Line::count).sum()).isEqualTo(300);
        assertThat(report.lines().size()).isLessThanOrEqualTo(PerformanceSpectrum.BINS * 4);
        assertThat(report.lines()).allSatisfy(l -> assertThat(l.caseId()).isNull());
        // the batch: every line ends in the same bin
        assertThat(report.lines().stream().map(Line::end).distinct()).hasSize(1);
        assertThat(report.binMs()).isEqualTo((120 * H + PerformanceSpectrum.BINS) / PerformanceSpectrum.BINS);
    }

    @Test
    void unknownActivitiesAreRefusedByName() {
        assertThatThrownBy(() -> PerformanceSpectrum.of(log(), "a", "zzz", 10)).hasMessageContaining("'zzz'");
        assertThat(PerformanceSpectrum.of(log(), "c", "a", 10).segments()).isZero();
        assertThat(PerformanceSpectrum.of(log(), "c", "a", 10).quartilesMs()).isEqualTo(List.of());
    }
}
