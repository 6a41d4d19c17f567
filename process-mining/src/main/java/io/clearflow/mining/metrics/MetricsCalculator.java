package io.clearflow.mining.metrics;

import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.metrics.MetricsReport.Distribution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes {@link MetricsReport} in a few passes over the columns of a log. */
public final class MetricsCalculator {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private MetricsCalculator() {
    }

    public static MetricsReport compute(EventLog log) {
        return compute(log, ActivityInstances.of(log));
    }

    public static MetricsReport compute(EventLog log, ActivityInstances instances) {
        YearMonth[] caseMonth = new YearMonth[log.caseCount()];
        Map<YearMonth, YearMonth> canonical = new HashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            YearMonth month = MonthOverMonth.monthOf(log.timestamp(log.caseStart(c)));
            caseMonth[c] = canonical.computeIfAbsent(month, Function.identity());
        }
        return new MetricsReport(process(log, caseMonth), tasks(log, instances, caseMonth),
                resources(log, instances, caseMonth), posts(log));
    }

    private static final class ProcessAcc {
        final Durations durations = new Durations();
        long departments;
        long roles;
    }

    private static MetricsReport.ProcessMetrics process(EventLog log, YearMonth[] caseMonth) {
        ProcessAcc total = new ProcessAcc();
        Map<YearMonth, ProcessAcc> months = new TreeMap<>();
        int[] groupSeen = filled(log.groupCount());
        int[] roleSeen = filled(log.roleCount());
        for (int c = 0; c < log.caseCount(); c++) {
            long duration = log.timestamp(log.caseEnd(c) - 1) - log.timestamp(log.caseStart(c));
            int departments = 0;
            int roles = 0;
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                int g = log.group(e);
                if (g != EventLog.NONE && groupSeen[g] != c) {
                    groupSeen[g] = c;
                    departments++;
                }
                int r = log.role(e);
                if (r != EventLog.NONE && roleSeen[r] != c) {
                    roleSeen[r] = c;
                    roles++;
                }
            }
            for (ProcessAcc acc : List.of(total, months.computeIfAbsent(caseMonth[c], m -> new ProcessAcc()))) {
                acc.durations.add(duration);
                acc.departments += departments;
                acc.roles += roles;
            }
        }
        TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
        months.forEach((month, acc) -> {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("cases", (double) acc.durations.count());
            values.put("meanDurationMs", acc.durations.mean());
            values.put("medianDurationMs", acc.durations.median());
            values.put("p90DurationMs", acc.durations.percentile(90));
            values.put("meanDepartments", perCase(acc.departments, acc.durations.count()));
            values.put("meanRoles", perCase(acc.roles, acc.durations.count()));
            rows.put(month, values);
        });
        int cases = total.durations.count();
        return new MetricsReport.ProcessMetrics(cases, distribution(total.durations),
                perCase(total.departments, cases), perCase(total.roles, cases), MonthOverMonth.of(rows));
    }

    private static final class TaskAcc {
        final Durations waiting = new Durations();
        final Durations handling = new Durations();
        long instances;
        long sendBacks;
        long withdrawals;

        void addInstance(long waitingMs, long handlingMs) {
            instances++;
            if (waitingMs != ActivityInstances.UNKNOWN) {
                waiting.add(waitingMs);
            }
            if (handlingMs != ActivityInstances.UNKNOWN) {
                handling.add(handlingMs);
            }
        }
    }

    private static List<MetricsReport.TaskMetrics> tasks(EventLog log, ActivityInstances instances, YearMonth[] caseMonth) {
        TaskAcc[] totals = new TaskAcc[log.activityCount()];
        List<Map<YearMonth, TaskAcc>> months = new ArrayList<>(log.activityCount());
        for (int a = 0; a < log.activityCount(); a++) {
            totals[a] = new TaskAcc();
            months.add(new TreeMap<>());
        }
        for (int i = 0; i < instances.size(); i++) {
            int a = instances.activity(i);
            long waiting = instances.waiting(i);
            long handling = instances.handling(i);
            totals[a].addInstance(waiting, handling);
            months.get(a).computeIfAbsent(caseMonth[instances.caseIndex(i)], m -> new TaskAcc()).addInstance(waiting, handling);
        }
        for (int c = 0; c < log.caseCount(); c++) {
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                String lifecycle = log.lifecycleName(log.lifecycle(e));
                boolean sendBack = EventLog.Lifecycle.SEND_BACK.equals(lifecycle);
                if (sendBack || EventLog.Lifecycle.WITHDRAW.equals(lifecycle)) {
                    int a = log.activity(e);
                    TaskAcc month = months.get(a).computeIfAbsent(caseMonth[c], m -> new TaskAcc());
                    for (TaskAcc acc : List.of(totals[a], month)) {
                        if (sendBack) {
                            acc.sendBacks++;
                        } else {
                            acc.withdrawals++;
                        }
                    }
                }
            }
        }
        List<MetricsReport.TaskMetrics> tasks = new ArrayList<>();
        for (int a = 0; a < log.activityCount(); a++) {
            TaskAcc t = totals[a];
            if (t.instances == 0 && t.sendBacks == 0 && t.withdrawals == 0) {
                continue;
            }
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            months.get(a).forEach((month, acc) -> {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("instances", (double) acc.instances);
                values.put("meanWaitingMs", acc.waiting.mean());
                values.put("medianWaitingMs", acc.waiting.median());
                values.put("meanHandlingMs", acc.handling.mean());
                values.put("medianHandlingMs", acc.handling.median());
                values.put("sendBacks", (double) acc.sendBacks);
                values.put("withdrawals", (double) acc.withdrawals);
                rows.put(month, values);
            });
            tasks.add(new MetricsReport.TaskMetrics(log.activityName(a), t.instances, distribution(t.waiting),
                    distribution(t.handling), t.sendBacks, t.withdrawals, MonthOverMonth.of(rows)));
        }
        tasks.sort(Comparator.comparingLong(MetricsReport.TaskMetrics::instances).reversed()
                .thenComparing(MetricsReport.TaskMetrics::activity));
        return tasks;
    }

    private static List<MetricsReport.ResourceMetrics> resources(EventLog log, ActivityInstances instances,
                                                                 YearMonth[] caseMonth) {
        int n = log.resourceCount();
        long[] processes = new long[n];
        long[] steps = new long[n];
        List<Map<YearMonth, long[]>> months = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            months.add(new TreeMap<>());
        }
        int[] seen = filled(n);
        for (int c = 0; c < log.caseCount(); c++) {
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                int r = log.resource(e);
                if (r != EventLog.NONE && seen[r] != c) {
                    seen[r] = c;
                    processes[r]++;
                    months.get(r).computeIfAbsent(caseMonth[c], m -> new long[2])[0]++;
                }
            }
        }
        for (int i = 0; i < instances.size(); i++) {
            int r = instances.resource(i);
            if (r != EventLog.NONE && instances.completed(i)) {
                steps[r]++;
                months.get(r).computeIfAbsent(caseMonth[instances.caseIndex(i)], m -> new long[2])[1]++;
            }
        }
        List<MetricsReport.ResourceMetrics> result = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            months.get(r).forEach((month, counts) -> {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("processes", (double) counts[0]);
                values.put("steps", (double) counts[1]);
                rows.put(month, values);
            });
            result.add(new MetricsReport.ResourceMetrics(log.resourceName(r), processes[r], steps[r],
                    MonthOverMonth.of(rows)));
        }
        result.sort(Comparator.comparingLong(MetricsReport.ResourceMetrics::steps).reversed()
                .thenComparing(MetricsReport.ResourceMetrics::resource));
        return result;
    }

    /** Steps are the complete events (or events without a transition) carrying the post. */
    private static List<MetricsReport.PostMetrics> posts(EventLog log) {
        int n = log.groupCount();
        List<Map<Long, long[]>> hours = new ArrayList<>(n);
        List<Map<Long, long[]>> days = new ArrayList<>(n);
        long[] steps = new long[n];
        for (int g = 0; g < n; g++) {
            hours.add(new HashMap<>());
            days.add(new HashMap<>());
        }
        for (int e = 0; e < log.eventCount(); e++) {
            int g = log.group(e);
            if (g == EventLog.NONE || !log.isComplete(e)) {
                continue;
            }
            steps[g]++;
            hours.get(g).computeIfAbsent(Math.floorDiv(log.timestamp(e), HOUR), k -> new long[1])[0]++;
            days.get(g).computeIfAbsent(Math.floorDiv(log.timestamp(e), DAY), k -> new long[1])[0]++;
        }
        List<MetricsReport.PostMetrics> result = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            if (steps[g] == 0) {
                continue;
            }
            Peak hour = Peak.of(hours.get(g));
            Peak day = Peak.of(days.get(g));
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            Peak.byMonth(hours.get(g), HOUR).forEach((month, peak) ->
                    rows.computeIfAbsent(month, m -> new LinkedHashMap<>()).put("peakPerHour", (double) peak));
            Peak.byMonth(days.get(g), DAY).forEach((month, peak) ->
                    rows.computeIfAbsent(month, m -> new LinkedHashMap<>()).put("peakPerDay", (double) peak));
            result.add(new MetricsReport.PostMetrics(log.groupName(g), steps[g], hour.count,
                    Instant.ofEpochMilli(hour.bucket * HOUR), day.count,
                    LocalDate.ofEpochDay(day.bucket), MonthOverMonth.of(rows)));
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
            buckets.forEach((bucket, count) ->
                    peaks.merge(MonthOverMonth.monthOf(bucket * width), count[0], Math::max));
            return peaks;
        }
    }

    static Distribution distribution(Durations durations) {
        return new Distribution(durations.count(), durations.mean(), durations.median(), durations.percentile(90));
    }

    private static Double perCase(long total, long cases) {
        return cases == 0 ? null : (double) total / cases;
    }

    private static int[] filled(int size) {
        int[] array = new int[size];
        java.util.Arrays.fill(array, -1);
        return array;
    }
}
