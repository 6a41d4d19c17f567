package io.clearflow.testmetrics.metrics;

import java.util.HashSet;
import java.util.Set;

/** Findings of a version against the previous one, by fingerprint: new, fixed (gone) and existing. */
public record FindingDiff(int newFindings, int fixed, int existing) {

    public static FindingDiff of(Set<String> previous, Set<String> current) {
        Set<String> before = previous == null ? Set.of() : previous;
        Set<String> both = new HashSet<>(current);
        both.retainAll(before);
        return new FindingDiff(current.size() - both.size(), before.size() - both.size(), both.size());
    }
}
