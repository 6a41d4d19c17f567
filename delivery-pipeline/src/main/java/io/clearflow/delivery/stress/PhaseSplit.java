package io.clearflow.delivery.stress;

import io.clearflow.delivery.stress.results.LoadSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one result file that holds a whole run into the seed's phases (baseline ≈ 20 min, peak-seeking 5–10 min,
 * stability ≥ 2 h) by the load steps seen in its throughput over time, no Spring. A load tool holds each step's
 * load constant (threads or arrival rate), so a step is a plateau of throughput: a new step begins where the
 * smoothed rate leaves the current plateau's level by more than {@link #STEP} for longer than
 * {@link #SETTLE_SECONDS}; steps shorter than {@link #MIN_SECONDS} (ramps, hiccups) join the neighbour nearest in
 * level. Each step is then named by its length ({@link Phase#fromDuration}), and among steps of peak-seeking length the
 * highest one is the peak. The boundaries can be set by hand instead ({@link #at}).
 *
 * <p>Throughput and error rate of a phase are exact (sums of the timeline's buckets). Its p95 is estimated: the
 * nearest-rank 95th percentile of the buckets' own p95s, each weighted by its samples — the file's samples are not
 * kept after the upload, only the figures per bucket.
 */
public final class PhaseSplit {

    static final double STEP = 0.2;
    static final int SETTLE_SECONDS = 60;
    static final int MIN_SECONDS = 120;
    static final int MAX_BOUNDS = 20;

    /** One phase of the run: [startMs, endMs) in epoch millis and its figures (p95 the estimate described above). */
    public record Segment(Phase phase, long startMs, long endMs, long samples, long failed, double throughput,
                          double errorRate, Double p95Ms) {

        public double minutes() {
            return (endMs - startMs) / 60_000.0;
        }

        public double startMinute(long runStartMs) {
            return (startMs - runStartMs) / 60_000.0;
        }
    }

    private PhaseSplit() {
    }

    /** The phases found in the run's timeline; empty when the run has no timeline. */
    public static List<Segment> detect(List<LoadSummary.Bucket> timeline, int bucketSeconds) {
        if (timeline == null || timeline.isEmpty()) {
            return List.of();
        }
        int width = Math.max(1, bucketSeconds);
        long first = timeline.get(0).startMs();
        int length = (int) ((timeline.get(timeline.size() - 1).startMs() - first) / (width * 1000L)) + 1;
        double[] rate = new double[length];
        for (LoadSummary.Bucket b : timeline) {
            rate[(int) ((b.startMs() - first) / (width * 1000L))] = (double) b.samples() / width;
        }
        double[] smooth = median(rate, Math.max(1, 15 / width));
        int settle = Math.max(1, SETTLE_SECONDS / width);
        List<int[]> steps = new ArrayList<>(); // {from, to} bucket indexes, to exclusive
        int from = 0;
        double sum = smooth[0];
        int count = 1;
        int away = 0;
        for (int i = 1; i < length; i++) {
            double level = sum / count;
            boolean off = Math.abs(smooth[i] - level) > STEP * Math.max(level, 1e-9);
            away = off ? away + 1 : 0;
            if (away >= settle) {
                int cut = i - away + 1;
                steps.add(new int[] {from, cut});
                from = cut;
                sum = 0;
                count = 0;
                for (int j = cut; j <= i; j++) {
                    sum += smooth[j];
                    count++;
                }
                away = 0;
            } else if (!off) {
                sum += smooth[i];
                count++;
            }
        }
        steps.add(new int[] {from, length});
        mergeShort(steps, rate, Math.max(1, MIN_SECONDS / width));
        long[] bounds = new long[steps.size() - 1];
        for (int s = 1; s < steps.size(); s++) {
            bounds[s - 1] = first + steps.get(s)[0] * (long) width * 1000L;
        }
        return at(timeline, width, bounds);
    }

    /**
     * The phases between the given boundaries (epoch millis, ascending, inside the run), each named by its length;
     * among those of peak-seeking length the one with the highest throughput is the peak, the others other.
     */
    public static List<Segment> at(List<LoadSummary.Bucket> timeline, int bucketSeconds, long[] bounds) {
        if (timeline == null || timeline.isEmpty()) {
            return List.of();
        }
        long width = Math.max(1, bucketSeconds) * 1000L;
        long start = timeline.get(0).startMs();
        long end = timeline.get(timeline.size() - 1).startMs() + width;
        long[] edges = new long[bounds.length + 2];
        edges[0] = start;
        System.arraycopy(bounds, 0, edges, 1, bounds.length);
        edges[edges.length - 1] = end;
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s + 1 < edges.length; s++) {
            long from = edges[s], to = edges[s + 1];
            long samples = 0, failed = 0;
            List<LoadSummary.Bucket> inside = new ArrayList<>();
            for (LoadSummary.Bucket b : timeline) {
                if (b.startMs() >= from && b.startMs() < to) {
                    samples += b.samples();
                    failed += b.failed();
                    inside.add(b);
                }
            }
            double seconds = Math.max(1, to - from) / 1000.0;
            Phase phase = Phase.fromDuration(seconds);
            segments.add(new Segment(phase, from, to, samples, failed, samples / seconds,
                    samples == 0 ? 0 : (double) failed / samples, weightedP95(inside)));
        }
        // several steps of peak-seeking length: the highest is the peak, the lower ones are steps on the way
        Segment peak = segments.stream().filter(s -> s.phase() == Phase.PEAK)
                .max((a, b) -> Double.compare(a.throughput(), b.throughput())).orElse(null);
        List<Segment> named = new ArrayList<>();
        for (Segment s : segments) {
            named.add(s.phase() == Phase.PEAK && s != peak ? new Segment(Phase.OTHER, s.startMs(), s.endMs(),
                    s.samples(), s.failed(), s.throughput(), s.errorRate(), s.p95Ms()) : s);
        }
        return named;
    }

    /** Boundaries given as minutes from the run's start, checked: ascending, inside the run, at most {@link #MAX_BOUNDS}. */
    public static long[] fromMinutes(List<Double> minutes, long runStartMs, long runEndMs) {
        if (minutes.size() > MAX_BOUNDS) {
            throw new IllegalArgumentException("too many boundaries");
        }
        long[] bounds = new long[minutes.size()];
        long previous = runStartMs;
        for (int i = 0; i < bounds.length; i++) {
            Double m = minutes.get(i);
            if (m == null || !Double.isFinite(m)) {
                throw new IllegalArgumentException("not a number");
            }
            bounds[i] = runStartMs + Math.round(m * 60_000);
            if (bounds[i] <= previous || bounds[i] >= runEndMs) {
                throw new IllegalArgumentException("boundaries must rise inside the run");
            }
            previous = bounds[i];
        }
        return bounds;
    }

    private static Double weightedP95(List<LoadSummary.Bucket> buckets) {
        List<LoadSummary.Bucket> known = buckets.stream().filter(b -> b.p95Ms() != null && b.samples() > 0)
                .sorted((a, b) -> Double.compare(a.p95Ms(), b.p95Ms())).toList();
        long total = known.stream().mapToLong(LoadSummary.Bucket::samples).sum();
        if (total == 0) {
            return null;
        }
        long rank = (95 * total + 99) / 100;
        long seen = 0;
        for (LoadSummary.Bucket b : known) {
            seen += b.samples();
            if (seen >= rank) {
                return b.p95Ms();
            }
        }
        return known.get(known.size() - 1).p95Ms();
    }

    /** Steps shorter than {@code min} buckets join the neighbour whose mean rate is nearest. */
    private static void mergeShort(List<int[]> steps, double[] rate, int min) {
        boolean merged = true;
        while (merged && steps.size() > 1) {
            merged = false;
            for (int s = 0; s < steps.size(); s++) {
                int[] step = steps.get(s);
                if (step[1] - step[0] >= min) {
                    continue;
                }
                double level = mean(rate, step);
                int into;
                if (s == 0) {
                    into = 1;
                } else if (s == steps.size() - 1) {
                    into = s - 1;
                } else {
                    into = Math.abs(mean(rate, steps.get(s - 1)) - level) <= Math.abs(mean(rate, steps.get(s + 1)) - level)
                            ? s - 1 : s + 1;
                }
                int[] other = steps.get(into);
                steps.set(Math.min(s, into), new int[] {Math.min(step[0], other[0]), Math.max(step[1], other[1])});
                steps.remove(Math.max(s, into));
                merged = true;
                break;
            }
        }
    }

    private static double mean(double[] rate, int[] step) {
        double sum = 0;
        for (int i = step[0]; i < step[1]; i++) {
            sum += rate[i];
        }
        return sum / Math.max(1, step[1] - step[0]);
    }

    /** Running median over {@code 2·half + 1} buckets: a second without samples does not start a new step. */
    private static double[] median(double[] values, int half) {
        double[] out = new double[values.length];
        double[] window = new double[2 * half + 1];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - half), to = Math.min(values.length, i + half + 1);
            System.arraycopy(values, from, window, 0, to - from);
            Arrays.sort(window, 0, to - from);
            out[i] = window[(to - from) / 2];
        }
        return out;
    }
}
