package io.clearflow.mining.metrics;

import java.util.Arrays;

/**
 * Counts an id (a department, role or resource) once per case: each id remembers the last case that counted it, so
 * nothing is cleared between cases.
 */
final class FirstInCase {

    private int[] lastCase = new int[16];

    FirstInCase() {
        Arrays.fill(lastCase, -1);
    }

    /** Whether case {@code c} meets {@code id} for the first time; cases come in increasing order. */
    boolean first(int id, int c) {
        if (id >= lastCase.length) {
            int old = lastCase.length;
            lastCase = Arrays.copyOf(lastCase, Math.max(id + 1, old * 2));
            Arrays.fill(lastCase, old, lastCase.length, -1);
        }
        if (lastCase[id] == c) {
            return false;
        }
        lastCase[id] = c;
        return true;
    }
}
