package io.clearflow.testmetrics.ingest;

import java.util.BitSet;

/** Line numbers of one source file, kept as a bit set and stored as ranges ({@code 1-4,9}). */
public final class LineSet {

    private final BitSet lines;

    public LineSet() {
        this(new BitSet());
    }

    private LineSet(BitSet lines) {
        this.lines = lines;
    }

    public void add(int line) {
        lines.set(line);
    }

    public boolean contains(int line) {
        return line >= 0 && lines.get(line);
    }

    public int size() {
        return lines.cardinality();
    }

    public int[] toArray() {
        return lines.stream().toArray();
    }

    public String toRanges() {
        StringBuilder sb = new StringBuilder();
        int start = lines.nextSetBit(0);
        while (start >= 0) {
            int end = lines.nextClearBit(start) - 1;
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(start);
            if (end > start) {
                sb.append('-').append(end);
            }
            start = lines.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    public static LineSet parse(String ranges) {
        BitSet bits = new BitSet();
        if (ranges != null && !ranges.isBlank()) {
            for (String part : ranges.split(",")) {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    bits.set(Integer.parseInt(part.strip()));
                } else {
                    bits.set(Integer.parseInt(part.substring(0, dash).strip()),
                            Integer.parseInt(part.substring(dash + 1).strip()) + 1);
                }
            }
        }
        return new LineSet(bits);
    }
}
