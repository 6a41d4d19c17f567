package io.clearflow.mining.variants;

import io.clearflow.mining.log.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups cases by their sequence of activities, with the same event selection as the DFG. */
public final class VariantMiner {

    private VariantMiner() {
    }

    public static List<Variant> mine(EventLog log) {
        Map<Sequence, long[]> counts = new HashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            int[] activities = new int[events.length];
            for (int i = 0; i < events.length; i++) {
                activities[i] = log.activity(events[i]);
            }
            counts.computeIfAbsent(new Sequence(activities), k -> new long[1])[0]++;
        }
        List<Variant> variants = new ArrayList<>(counts.size());
        double cases = log.caseCount();
        counts.forEach((sequence, count) -> variants.add(new Variant(
                Arrays.stream(sequence.activities).mapToObj(log::activityName).toList(), count[0], count[0] / cases)));
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
