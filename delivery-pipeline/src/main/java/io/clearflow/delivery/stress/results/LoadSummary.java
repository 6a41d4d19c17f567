package io.clearflow.delivery.stress.results;

import java.util.List;

/**
 * The figures of one load-tool result file. For sample formats (JMeter) every figure is computed here: throughput =
 * samples ÷ (last end − first start) in seconds with end = timeStamp + elapsed, percentiles by the nearest-rank
 * method over all elapsed times, error rate = failed ÷ samples. For aggregate-only formats {@code toolFigures}
 * names the figures taken from the tool's own aggregates (its percentile method, its rate).
 *
 * @param firstStartMs epoch millis of the first sample's start, null when the file has no times
 * @param lastEndMs    epoch millis of the last sample's end, null when the file has no times
 * @param bucketSeconds width of the timeline buckets (1 s up to an hour of run, else 60 s)
 */
public record LoadSummary(LoadFormat format, long samples, long failed, double throughput, Double p50Ms, double p95Ms,
                          Double p99Ms, double errorRate, Long firstStartMs, Long lastEndMs, List<String> toolFigures,
                          List<LabelFigures> labels, int bucketSeconds, List<Bucket> timeline) {

    /** Figures of one function code (JMeter label, k6 name tag, Locust name). */
    public record LabelFigures(String label, long samples, long failed, Double throughput, Double p50Ms, Double p95Ms,
                               Double p99Ms, double errorRate) { }

    /** One point of the run over time: requests, failures and the mean latency of the samples started in it. */
    public record Bucket(long startMs, long samples, long failed, double meanMs, Double p95Ms) { }

    /** Run length in seconds, null without times. */
    public Double durationSeconds() {
        return firstStartMs == null || lastEndMs == null ? null : (lastEndMs - firstStartMs) / 1000.0;
    }
}
