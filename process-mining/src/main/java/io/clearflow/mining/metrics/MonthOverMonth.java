package io.clearflow.mining.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Month-over-month rows: each calendar month (UTC) with its values and their change in percent
 * against the previous calendar month; a change is {@code null} when that month has no data or the
 * earlier value is 0 or missing.
 */
public final class MonthOverMonth {

    /** One month's values (metric name → value) and their change. */
    public record Month(String month, Map<String, Double> values, Map<String, Double> changePercent) {
    }

    private MonthOverMonth() {
    }

    public static YearMonth monthOf(long epochMillis) {
        return YearMonth.from(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    }

    public static List<Month> of(SortedMap<YearMonth, Map<String, Double>> byMonth) {
        List<Month> months = new ArrayList<>(byMonth.size());
        byMonth.forEach((month, values) -> {
            Map<String, Double> previous = byMonth.get(month.minusMonths(1));
            Map<String, Double> change = new LinkedHashMap<>();
            values.forEach((name, value) -> change.put(name, change(previous == null ? null : previous.get(name), value)));
            months.add(new Month(month.toString(), values, change));
        });
        return months;
    }

    private static Double change(Double before, Double now) {
        if (before == null || now == null || before == 0) {
            return null;
        }
        return Math.round((now - before) / before * 10_000) / 100.0;
    }
}
