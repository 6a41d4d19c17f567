package io.clearflow.mining.log;

import java.util.Arrays;

/**
 * An int list without boxing: a million events cost 4 MB per column, not 16+. Kept in chunks of 64K
 * so growing never copies (no transient double-size array while a large log is read) and no chunk is
 * large enough for G1 to treat as humongous (allocated straight in the old generation).
 */
final class GrowableInts {

    private static final int SHIFT = 16;
    private static final int MASK = (1 << SHIFT) - 1;

    private int[][] chunks = new int[4][];
    private int size;

    void add(int value) {
        int chunk = size >>> SHIFT;
        if ((size & MASK) == 0) {
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunk * 2);
            }
            chunks[chunk] = new int[1 << SHIFT];
        }
        chunks[chunk][size & MASK] = value;
        size++;
    }

    int get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    int size() {
        return size;
    }
}
