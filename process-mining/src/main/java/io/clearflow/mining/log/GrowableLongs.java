package io.clearflow.mining.log;

import java.util.Arrays;

/** A long list without boxing, for timestamps; in chunks of 64K like {@link GrowableInts}. */
final class GrowableLongs {

    private static final int SHIFT = 16;
    private static final int MASK = (1 << SHIFT) - 1;

    private long[][] chunks = new long[4][];
    private int size;

    void add(long value) {
        int chunk = size >>> SHIFT;
        if ((size & MASK) == 0) {
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunk * 2);
            }
            chunks[chunk] = new long[1 << SHIFT];
        }
        chunks[chunk][size & MASK] = value;
        size++;
    }

    long get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }
}
