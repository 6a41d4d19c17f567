package io.clearflow.delivery.stress;

import io.clearflow.delivery.stress.results.LoadSummary;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A stored result file: its summary figures, phase, and the per-code and over-time figures for the charts. */
public record StressResult(long id, long stressTestId, String fileName, String format, Phase phase, long samples,
                           long failed, double throughput, Double p50Ms, double p95Ms, Double p99Ms, double errorRate,
                           Long firstStartMs, Long lastEndMs, List<String> toolFigures, int bucketSeconds,
                           List<LoadSummary.LabelFigures> labels, List<LoadSummary.Bucket> timeline, String uploadedBy,
                           Instant uploadedAt, List<Long> phaseBounds) {

    /** The run's phases: between the boundaries set by hand, else the load steps found in its timeline. */
    @JsonProperty("phases")
    public List<PhaseSplit.Segment> phases() {
        return phaseBounds == null ? PhaseSplit.detect(timeline, bucketSeconds)
                : PhaseSplit.at(timeline, bucketSeconds, phaseBounds.stream().mapToLong(Long::longValue).toArray());
    }

    /** The boundaries between the phases as minutes from the start, for the form that corrects them ("20, 28.5"). */
    public String phaseBoundsMinutes() {
        List<PhaseSplit.Segment> phases = phases();
        if (phases.isEmpty()) {
            return "";
        }
        long start = phases.get(0).startMs();
        return String.join(", ", phases.stream().skip(1).map(p -> {
            double m = Math.round(p.startMinute(start) * 10) / 10.0;
            return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
        }).toList());
    }

    /** Whether the boundaries were set by hand. */
    @JsonProperty("phasesSetByHand")
    public boolean phasesSetByHand() {
        return phaseBounds != null;
    }

    public Double durationSeconds() {
        return firstStartMs == null || lastEndMs == null ? null : (lastEndMs - firstStartMs) / 1000.0;
    }
}
