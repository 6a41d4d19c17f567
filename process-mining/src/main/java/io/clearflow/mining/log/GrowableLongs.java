package io.clearflow.mining.log;

import java.util.Arrays;

/** A long list without boxing, for timestamps. */
final class GrowableLongs {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }
}
