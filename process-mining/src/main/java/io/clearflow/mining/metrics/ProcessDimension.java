package io.clearflow.mining.metrics;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.EventLog;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The process dimension of the metric system: case durations, departments and roles per case, per month. */
final class ProcessDimension {

    /** Case durations: wall clock or working time. */
    private final TimeMeasure measure;
    private final Map<YearMonth, ProcessAcc> processMonths = new TreeMap<>();
    private long departmentsTotal;
    private long rolesTotal;
    private final FirstInCase departmentsMet = new FirstInCase();
    private final FirstInCase rolesMet = new FirstInCase();

    private static final class ProcessAcc {
        final Durations durations = new Durations();
        long departments;
        long roles;
    }

    ProcessDimension(TimeMeasure measure) {
        this.measure = measure;
    }

    void add(CaseTrace trace, int c, YearMonth month) {
        long duration = measure.between(trace.time(0), trace.time(trace.size() - 1));
        int departments = 0;
        int roles = 0;
        for (int e = 0; e < trace.size(); e++) {
            int g = trace.group(e);
            if (g != EventLog.NONE && departmentsMet.first(g, c)) {
                departments++;
            }
            int r = trace.role(e);
            if (r != EventLog.NONE && rolesMet.first(r, c)) {
                roles++;
            }
        }
        ProcessAcc acc = processMonths.computeIfAbsent(month, m -> new ProcessAcc());
        acc.durations.add(duration);
        acc.departments += departments;
        acc.roles += roles;
        departmentsTotal += departments;
        rolesTotal += roles;
    }

    MetricsReport.ProcessMetrics result() {
        TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
        List<Durations> parts = new ArrayList<>();
        processMonths.forEach((month, acc) -> {
            parts.add(acc.durations);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("cases", (double) acc.durations.count());
            values.put("meanDurationMs", acc.durations.mean());
            values.put("medianDurationMs", acc.durations.median());
            values.put("p90DurationMs", acc.durations.percentile(90));
            values.put("meanDepartments", perCase(acc.departments, acc.durations.count()));
            values.put("meanRoles", perCase(acc.roles, acc.durations.count()));
            rows.put(month, values);
        });
        Durations total = Durations.merged(parts);
        int cases = total.count();
        return new MetricsReport.ProcessMetrics(cases, MetricsAccumulator.distribution(total),
                perCase(departmentsTotal, cases), perCase(rolesTotal, cases), MonthOverMonth.of(rows));
    }

    private static Double perCase(long total, long cases) {
        return cases == 0 ? null : (double) total / cases;
    }
}
