package io.clearflow.mining.variants;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.LogNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts cases by their sequence of activities (the DFG's event selection), case by case. */
public final class VariantAccumulator {

    private final Map<Sequence, long[]> counts = new HashMap<>();
    private long cases;
    private int[] buffer = new int[16];

    public void add(CaseTrace trace) {
        if (buffer.length < trace.size()) {
            buffer = new int[Math.max(trace.size(), buffer.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.complete(i)) {
                buffer[n++] = trace.activity(i);
            }
        }
        cases++;
        Sequence probe = new Sequence(Arrays.copyOf(buffer, n));
        long[] count = counts.get(probe);
        if (count == null) {
            counts.put(probe, new long[] {1});
        } else {
            count[0]++;
        }
    }

    public List<Variant> result(LogNames names) {
        List<Variant> variants = new ArrayList<>(counts.size());
        double total = cases;
        counts.forEach((sequence, count) -> variants.add(new Variant(
                Arrays.stream(sequence.activities).mapToObj(names::activityName).toList(), count[0], count[0] / total)));
        variants.sort(Comparator.comparingLong(Variant::cases).reversed()
                .thenComparing(v -> String.join("\u0000", v.activities())));
        return variants;
    }

    /** An int[] with value equality, as a map key. */
    private record Sequence(int[] activities) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Sequence s && Arrays.equals(activities, s.activities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(activities);
        }
    }
}
