package io.clearflow.delivery.stress;

import io.clearflow.delivery.stress.results.LoadSummary;
import java.time.Instant;
import java.util.List;

/** A stored result file: its summary figures, phase, and the per-code and over-time figures for the charts. */
public record StressResult(long id, long stressTestId, String fileName, String format, Phase phase, long samples,
                           long failed, double throughput, Double p50Ms, double p95Ms, Double p99Ms, double errorRate,
                           Long firstStartMs, Long lastEndMs, List<String> toolFigures, int bucketSeconds,
                           List<LoadSummary.LabelFigures> labels, List<LoadSummary.Bucket> timeline, String uploadedBy,
                           Instant uploadedAt) {

    public Double durationSeconds() {
        return firstStartMs == null || lastEndMs == null ? null : (lastEndMs - firstStartMs) / 1000.0;
    }
}
