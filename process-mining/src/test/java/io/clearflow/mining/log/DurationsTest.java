package io.clearflow.mining.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void medianPercentileAndMeanAreExactAcrossIntAndLongValuesAndMerges() {
        Random random = new Random(7);
        long[] all = new long[2001];
        Durations first = new Durations();
        Durations second = new Durations();
        for (int i = 0; i < all.length; i++) {
            // mostly short, some beyond the int range (over 24.8 days), some negative (clock skew) of both kinds
            long v = switch (i % 5) {
                case 0 -> random.nextLong(40L * 86_400_000);
                case 1 -> -random.nextLong(40L * 86_400_000);
                default -> random.nextInt(3_600_000);
            };
            all[i] = v;
            (i % 2 == 0 ? first : second).add(v);
        }
        Durations merged = Durations.merged(List.of(first, second));
        long[] sorted = all.clone();
        Arrays.sort(sorted);

        assertThat(merged.count()).isEqualTo(all.length);
        assertThat(merged.median()).isEqualTo((double) sorted[1000]);
        assertThat(merged.percentile(90)).isEqualTo((double) sorted[(int) Math.ceil(0.9 * all.length) - 1]);
        assertThat(merged.mean()).isEqualTo((double) Arrays.stream(all).sum() / all.length);
        first.add(5); // a part stays usable after a merge
        assertThat(first.count()).isEqualTo(1002);
        assertThat(new Durations().median()).isNull();
    }

    @Test
    void anEvenCountHasTheMeanOfTheMiddleTwo() {
        Durations d = new Durations();
        d.add(1);
        d.add(10L * Integer.MAX_VALUE);
        d.add(3);
        d.add(2);
        assertThat(d.median()).isEqualTo(2.5);
    }
}
