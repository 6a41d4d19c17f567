package io.clearflow.delivery.stress.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers single samples while a file streams by: elapsed times in growable int arrays (4 bytes a sample, so a
 * million samples cost 4 MB per copy, overall and per label), per-second counters, first start and last end.
 */
final class SampleAccumulator {

    /** A run of more labels than this is not a function-code mix but a broken file (labels with ids in them). */
    static final int MAX_LABELS = 5_000;

    private static final class Ints {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] sorted() {
            int[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private static final class Label {
        final Ints elapsed = new Ints();
        long failed;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
    }

    private final LoadFormat format;
    private final Ints all = new Ints();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    /** second → {samples, failed, sum of elapsed}. */
    private final Map<Long, long[]> seconds = new HashMap<>();
    /** Each sample's start second, relative to the first sample's, in the order of {@link #all}: for the buckets' p95. */
    private final Ints startSeconds = new Ints();
    private long baseSecond = Long.MIN_VALUE;
    private long failed;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    SampleAccumulator(LoadFormat format) {
        this.format = format;
    }

    void add(String label, long timeStamp, long elapsed, boolean success) {
        if (timeStamp < 0 || elapsed < 0) {
            throw new BadResultFileException("delivery.stress.error.negativeTime");
        }
        if (elapsed > Integer.MAX_VALUE) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        int e = (int) elapsed;
        long end = timeStamp + elapsed;
        all.add(e);
        if (baseSecond == Long.MIN_VALUE) {
            baseSecond = timeStamp / 1000;
        }
        long offset = timeStamp / 1000 - baseSecond;
        if (offset > Integer.MAX_VALUE || offset < Integer.MIN_VALUE) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        startSeconds.add((int) offset);
        firstStart = Math.min(firstStart, timeStamp);
        lastEnd = Math.max(lastEnd, end);
        Label l = labels.get(label);
        if (l == null) {
            if (labels.size() >= MAX_LABELS) {
                throw new BadResultFileException("delivery.stress.error.tooManyLabels");
            }
            l = new Label();
            labels.put(label, l);
        }
        l.elapsed.add(e);
        l.firstStart = Math.min(l.firstStart, timeStamp);
        l.lastEnd = Math.max(l.lastEnd, end);
        long[] second = seconds.computeIfAbsent(timeStamp / 1000, k -> new long[3]);
        second[0]++;
        second[2] += e;
        if (!success) {
            failed++;
            l.failed++;
            second[1]++;
        }
    }

    LoadSummary summary() {
        if (all.size == 0) {
            throw new BadResultFileException("delivery.stress.error.noSamples");
        }
        int[] sorted = all.sorted();
        long samples = sorted.length;
        List<LoadSummary.LabelFigures> perLabel = new ArrayList<>();
        labels.forEach((name, l) -> {
            int[] s = l.elapsed.sorted();
            perLabel.add(new LoadSummary.LabelFigures(name, s.length, l.failed,
                    throughput(s.length, l.firstStart, l.lastEnd), rank(s, 50), rank(s, 95), rank(s, 99),
                    (double) l.failed / s.length));
        });
        perLabel.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        long spanSeconds = (lastEnd - firstStart) / 1000;
        int width = spanSeconds <= 3600 ? 1 : 60;
        Map<Long, long[]> buckets = new java.util.TreeMap<>();
        seconds.forEach((second, c) -> {
            long[] b = buckets.computeIfAbsent(second / width, k -> new long[3]);
            b[0] += c[0];
            b[1] += c[1];
            b[2] += c[2];
        });
        Map<Long, Double> p95 = bucketP95(buckets, width);
        List<LoadSummary.Bucket> timeline = new ArrayList<>(buckets.size());
        buckets.forEach((key, b) -> timeline.add(new LoadSummary.Bucket(key * width * 1000L, b[0], b[1],
                (double) b[2] / b[0], p95.get(key))));
        return new LoadSummary(format, samples, failed, throughput(samples, firstStart, lastEnd), rank(sorted, 50),
                rank(sorted, 95), rank(sorted, 99), (double) failed / samples, firstStart, lastEnd, List.of(), perLabel,
                width, timeline);
    }

    /**
     * The nearest-rank p95 of each timeline bucket: the elapsed times are placed bucket by bucket (a counting sort on
     * the bucket), then each bucket's slice is sorted. The phases of a run are told and judged by these.
     */
    private Map<Long, Double> bucketP95(Map<Long, long[]> buckets, int width) {
        Map<Long, Integer> index = new HashMap<>(buckets.size() * 2);
        long[] keys = new long[buckets.size()];
        int k = 0;
        for (Long key : buckets.keySet()) {
            keys[k] = key;
            index.put(key, k++);
        }
        int n = all.size;
        int[] bucketOf = new int[n];
        int[] start = new int[keys.length + 1];
        for (int i = 0; i < n; i++) {
            bucketOf[i] = index.get(Math.floorDiv(baseSecond + startSeconds.values[i], width));
            start[bucketOf[i] + 1]++;
        }
        for (int b = 0; b < keys.length; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = Arrays.copyOf(start, keys.length);
        int[] placed = new int[n];
        for (int i = 0; i < n; i++) {
            placed[fill[bucketOf[i]]++] = all.values[i];
        }
        Map<Long, Double> p95 = new HashMap<>(keys.length * 2);
        for (int b = 0; b < keys.length; b++) {
            Arrays.sort(placed, start[b], start[b + 1]);
            long rank = (95L * (start[b + 1] - start[b]) + 99) / 100;
            p95.put(keys[b], (double) placed[start[b] + (int) Math.max(1, rank) - 1]);
        }
        return p95;
    }

    /** Samples per second over the span; a span of 0 ms (one instant sample) counts as 1 ms. */
    static double throughput(long samples, long firstStart, long lastEnd) {
        return samples / (Math.max(1, lastEnd - firstStart) / 1000.0);
    }

    /** The nearest-rank percentile: the value at rank ⌈p/100 × N⌉ of the ascending values. */
    static double rank(int[] sortedValues, int percent) {
        // integer arithmetic: ⌈p·N/100⌉ without floating-point rounding at exact ranks
        long rank = ((long) percent * sortedValues.length + 99) / 100;
        return sortedValues[(int) Math.max(1, rank) - 1];
    }
}
