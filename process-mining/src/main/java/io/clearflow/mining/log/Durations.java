package io.clearflow.mining.log;

import java.util.Arrays;

/**
 * Collects durations in ms and summarises them exactly; the median of an even count is the mean of
 * the middle two. Durations that fit an int (under 24.8 days) are kept as ints, the rest as longs, so
 * the streaming path's per-instance and per-edge durations take 4 bytes each, not 8.
 */
public final class Durations {

    private int[] small = new int[8];
    private int smallSize;
    private long[] large = new long[0];
    private int largeSize;
    private long sum;
    private boolean sorted = true;

    public void add(long millis) {
        if (millis >= Integer.MIN_VALUE && millis <= Integer.MAX_VALUE) {
            if (smallSize == small.length) {
                small = Arrays.copyOf(small, Math.max(8, smallSize + (smallSize >> 1)));
            }
            small[smallSize++] = (int) millis;
        } else {
            if (largeSize == large.length) {
                large = Arrays.copyOf(large, Math.max(4, largeSize * 2));
            }
            large[largeSize++] = millis;
        }
        sum += millis;
        sorted = false;
    }

    public int count() {
        return smallSize + largeSize;
    }

    /** Exact (a long sum), so the mean does not depend on the order the values came in. */
    public double total() {
        return sum;
    }

    /** All values of several sets in one, e.g. a year from its months (the parts are left as they are). */
    public static Durations merged(Iterable<Durations> parts) {
        Durations all = new Durations();
        int smallCount = 0;
        int largeCount = 0;
        for (Durations part : parts) {
            smallCount += part.smallSize;
            largeCount += part.largeSize;
        }
        all.small = new int[Math.max(smallCount, 1)];
        all.large = new long[largeCount];
        for (Durations part : parts) {
            System.arraycopy(part.small, 0, all.small, all.smallSize, part.smallSize);
            all.smallSize += part.smallSize;
            System.arraycopy(part.large, 0, all.large, all.largeSize, part.largeSize);
            all.largeSize += part.largeSize;
            all.sum += part.sum;
        }
        all.sorted = false;
        return all;
    }

    /** {@code null} when empty, so JSON shows "no data" rather than 0. */
    public Double mean() {
        return count() == 0 ? null : total() / count();
    }

    public Double median() {
        int size = count();
        if (size == 0) {
            return null;
        }
        return size % 2 == 1 ? (double) nth(size / 2) : (nth(size / 2 - 1) + nth(size / 2)) / 2.0;
    }

    /** The largest value, or {@code null} when empty. */
    public Double max() {
        int size = count();
        return size == 0 ? null : (double) nth(size - 1);
    }

    /** Nearest-rank percentile. */
    public Double percentile(int p) {
        int size = count();
        if (size == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return (double) nth(Math.max(0, rank - 1));
    }

    /**
     * The k-th smallest value (from 0). Large values lie outside the int range, so in sorted order the
     * negative ones come before all ints and the positive ones after them.
     */
    private long nth(int k) {
        sort();
        int negativeLarge = 0;
        while (negativeLarge < largeSize && large[negativeLarge] < 0) {
            negativeLarge++;
        }
        if (k < negativeLarge) {
            return large[k];
        }
        k -= negativeLarge;
        if (k < smallSize) {
            return small[k];
        }
        return large[negativeLarge + k - smallSize];
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(small, 0, smallSize);
            Arrays.sort(large, 0, largeSize);
            sorted = true;
        }
    }
}
