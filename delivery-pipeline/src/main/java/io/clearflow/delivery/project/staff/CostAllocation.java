package io.clearflow.delivery.project.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 分摊: a person's monthly cost split over projects in proportion to the hours recorded on each. Shares are rounded to
 * cents and the rounding remainder goes to the project with the most hours (the first of equals), so the shares always
 * add up to the monthly cost exactly. Spring-free; see {@code CostAllocationTest} for hand-worked cases.
 */
public final class CostAllocation {

    private CostAllocation() {
    }

    /**
     * @param monthlyCost the person's cost of the month, not negative
     * @param hours       hours per project (positive), in a stable order
     * @return the cost per project, in the order of {@code hours}; empty when there are no hours
     */
    public static <K> Map<K, BigDecimal> split(BigDecimal monthlyCost, Map<K, BigDecimal> hours) {
        Map<K, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (hours.isEmpty() || total.signum() <= 0) {
            return shares;
        }
        K largest = null;
        BigDecimal assigned = BigDecimal.ZERO;
        for (Map.Entry<K, BigDecimal> e : hours.entrySet()) {
            BigDecimal share = monthlyCost.multiply(e.getValue()).divide(total, 2, RoundingMode.HALF_EVEN);
            shares.put(e.getKey(), share);
            assigned = assigned.add(share);
            if (largest == null || e.getValue().compareTo(hours.get(largest)) > 0) {
                largest = e.getKey();
            }
        }
        BigDecimal remainder = monthlyCost.setScale(2, RoundingMode.HALF_EVEN).subtract(assigned);
        shares.merge(largest, remainder, BigDecimal::add);
        return shares;
    }
}
