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

    public double total() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
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
