package io.clearflow.mining.log;

import java.util.Arrays;

/** Collects durations in ms and summarises them; the median of an even count is the mean of the middle two. */
public final class Durations {

    private long[] values = new long[8];
    private int size;

    public void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public int count() {
        return size;
    }

    /** Exact (a long sum), so the mean does not depend on the order the values came in. */
    public double total() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** All values of several sets in one, e.g. a year from its months (the parts are left as they are). */
    public static Durations merged(Iterable<Durations> parts) {
        Durations all = new Durations();
        int n = 0;
        for (Durations part : parts) {
            n += part.size;
        }
        all.values = new long[Math.max(n, 1)];
        for (Durations part : parts) {
            System.arraycopy(part.values, 0, all.values, all.size, part.size);
            all.size += part.size;
        }
        return all;
    }

    /** {@code null} when empty, so JSON shows "no data" rather than 0. */
    public Double mean() {
        return size == 0 ? null : total() / size;
    }

    public Double median() {
        if (size == 0) {
            return null;
        }
        sort();
        return size % 2 == 1 ? (double) values[size / 2] : (values[size / 2 - 1] + values[size / 2]) / 2.0;
    }

    /** Nearest-rank percentile. */
    public Double percentile(int p) {
        if (size == 0) {
            return null;
        }
        sort();
        int rank = (int) Math.ceil(p / 100.0 * size);
        return (double) values[Math.max(0, rank - 1)];
    }

    private void sort() {
        Arrays.sort(values, 0, size);
    }
}
