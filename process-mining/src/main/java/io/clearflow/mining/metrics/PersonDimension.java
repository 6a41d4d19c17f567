package io.clearflow.mining.metrics;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogNames;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The person dimension of the metric system: the processes (cases) and completed steps of each resource, per month. */
final class PersonDimension {

    private final List<long[]> resourceTotals = new ArrayList<>(); // {processes, steps}
    private final List<Map<YearMonth, long[]>> resourceMonths = new ArrayList<>();
    private final FirstInCase resourcesMet = new FirstInCase();

    /** @param instances the case's activity instances: a step is a completed one */
    void add(CaseTrace trace, ActivityInstances instances, int c, YearMonth month) {
        for (int e = 0; e < trace.size(); e++) {
            int r = trace.resource(e);
            if (r != EventLog.NONE && resourcesMet.first(r, c)) {
                resource(r)[0]++;
                resourceMonths.get(r).computeIfAbsent(month, m -> new long[2])[0]++;
            }
        }
        for (int i = 0; i < instances.size(); i++) {
            int r = instances.resource(i);
            if (r != EventLog.NONE && instances.completed(i)) {
                resource(r)[1]++;
                resourceMonths.get(r).computeIfAbsent(month, m -> new long[2])[1]++;
            }
        }
    }

    private long[] resource(int r) {
        while (resourceTotals.size() <= r) {
            resourceTotals.add(new long[2]);
            resourceMonths.add(new TreeMap<>());
        }
        return resourceTotals.get(r);
    }

    List<MetricsReport.ResourceMetrics> result(LogNames names) {
        List<MetricsReport.ResourceMetrics> result = new ArrayList<>();
        for (int r = 0; r < names.resourceCount(); r++) {
            long[] totals = resource(r);
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            resourceMonths.get(r).forEach((month, counts) -> {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("processes", (double) counts[0]);
                values.put("steps", (double) counts[1]);
                rows.put(month, values);
            });
            result.add(new MetricsReport.ResourceMetrics(names.resourceName(r), totals[0], totals[1],
                    MonthOverMonth.of(rows)));
        }
        result.sort(Comparator.comparingLong(MetricsReport.ResourceMetrics::steps).reversed()
                .thenComparing(MetricsReport.ResourceMetrics::resource));
        return result;
    }
}
