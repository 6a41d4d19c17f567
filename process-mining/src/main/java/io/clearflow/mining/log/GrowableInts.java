package io.clearflow.mining.log;

import java.util.Arrays;

/** An int list without boxing: a million events cost 4 MB per column, not 16+. */
final class GrowableInts {

    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
