package io.clearflow.mining.metrics;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The post dimension of the metric system: the steps of each post (org:group), their peak per hour and per day. */
final class PostDimension {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private final List<Map<Long, long[]>> postHours = new ArrayList<>();
    private final List<Map<Long, long[]>> postDays = new ArrayList<>();
    private long[] postSteps = new long[16];

    /** Steps are the complete events (or events without a transition) carrying the post. */
    void add(CaseTrace trace) {
        for (int e = 0; e < trace.size(); e++) {
            int g = trace.group(e);
            if (g == EventLog.NONE || !trace.complete(e)) {
                continue;
            }
            while (postHours.size() <= g) {
                postHours.add(new HashMap<>());
                postDays.add(new HashMap<>());
            }
            if (g >= postSteps.length) {
                postSteps = Arrays.copyOf(postSteps, Math.max(g + 1, postSteps.length * 2));
            }
            postSteps[g]++;
            postHours.get(g).computeIfAbsent(Math.floorDiv(trace.time(e), HOUR), k -> new long[1])[0]++;
            postDays.get(g).computeIfAbsent(Math.floorDiv(trace.time(e), DAY), k -> new long[1])[0]++;
        }
    }

    List<MetricsReport.PostMetrics> result(LogNames names) {
        List<MetricsReport.PostMetrics> result = new ArrayList<>();
        for (int g = 0; g < postHours.size(); g++) {
            if (postSteps[g] == 0) {
                continue;
            }
            Peak hour = Peak.of(postHours.get(g));
            Peak day = Peak.of(postDays.get(g));
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            Peak.byMonth(postHours.get(g), HOUR).forEach((month, peak) ->
                    rows.computeIfAbsent(month, m -> new LinkedHashMap<>()).put("peakPerHour", (double) peak));
            Peak.byMonth(postDays.get(g), DAY).forEach((month, peak) ->
                    rows.computeIfAbsent(month, m -> new LinkedHashMap<>()).put("peakPerDay", (double) peak));
            result.add(new MetricsReport.PostMetrics(names.groupName(g), postSteps[g], hour.count,
                    Instant.ofEpochMilli(hour.bucket * HOUR), day.count, LocalDate.ofEpochDay(day.bucket),
                    MonthOverMonth.of(rows)));
        }
        result.sort(Comparator.comparingLong(MetricsReport.PostMetrics::steps).reversed()
                .thenComparing(MetricsReport.PostMetrics::post));
        return result;
    }

    /** The busiest bucket; the earliest wins a tie so results are stable. */
    private record Peak(long bucket, long count) {
        static Peak of(Map<Long, long[]> buckets) {
            Peak best = new Peak(Long.MAX_VALUE, -1);
            for (var entry : buckets.entrySet()) {
                long count = entry.getValue()[0];
                if (count > best.count || (count == best.count && entry.getKey() < best.bucket)) {
                    best = new Peak(entry.getKey(), count);
                }
            }
            return best;
        }

        static Map<YearMonth, Long> byMonth(Map<Long, long[]> buckets, long width) {
            Map<YearMonth, Long> peaks = new HashMap<>();
            buckets.forEach((bucket, count) -> peaks.merge(MonthOverMonth.monthOf(bucket * width), count[0], Math::max));
            return peaks;
        }
    }
}
