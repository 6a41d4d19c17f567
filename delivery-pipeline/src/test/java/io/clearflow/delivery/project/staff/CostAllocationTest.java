package io.clearflow.delivery.project.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 分摊 worked by hand: shares in proportion to hours, cents that add up to the monthly cost exactly. */
class CostAllocationTest {

    @Test
    void proportionalToHours() {
        // 12,000 over 120 h and 40 h: 3/4 and 1/4
        Map<String, BigDecimal> shares = CostAllocation.split(new BigDecimal("12000.00"),
                hours("PRJ-1", "120", "PRJ-2", "40"));
        assertThat(shares).containsExactly(Map.entry("PRJ-1", new BigDecimal("9000.00")),
                Map.entry("PRJ-2", new BigDecimal("3000.00")));
    }

    @Test
    void theRoundingRemainderGoesToTheLargestShare() {
        // 100 over 1 h, 1 h, 1 h: 33.33 each is 99.99; the first of the equal largest takes the cent
        Map<String, BigDecimal> shares = CostAllocation.split(new BigDecimal("100"), hours("a", "1", "b", "1", "c", "1"));
        assertThat(shares).containsExactly(Map.entry("a", new BigDecimal("33.34")), Map.entry("b", new BigDecimal("33.33")),
                Map.entry("c", new BigDecimal("33.33")));
        // 10,000 over 10 h and 20 h: 3333.33 + 6666.67 = 10,000.00, the 20 h project rounds up
        Map<String, BigDecimal> uneven = CostAllocation.split(new BigDecimal("10000"), hours("x", "10", "y", "20"));
        assertThat(uneven.get("x").add(uneven.get("y"))).isEqualByComparingTo("10000");
        assertThat(uneven.get("x")).isEqualByComparingTo("3333.33");
        assertThat(uneven.get("y")).isEqualByComparingTo("6666.67");
    }

    @Test
    void noHoursNoShares() {
        assertThat(CostAllocation.split(new BigDecimal("5000"), new LinkedHashMap<String, BigDecimal>())).isEmpty();
    }

    private static Map<String, BigDecimal> hours(String... pairs) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return map;
    }
}
