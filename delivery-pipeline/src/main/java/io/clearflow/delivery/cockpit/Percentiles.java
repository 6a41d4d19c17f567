package io.clearflow.delivery.cockpit;

import java.util.Arrays;

/** Nearest-rank percentiles: the value at rank ⌈q·n⌉ of the sorted sample (an observed value, never interpolated). */
final class Percentiles {

    private Percentiles() {
    }

    /** @return null for an empty sample */
    static Double of(double[] values, double q) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
