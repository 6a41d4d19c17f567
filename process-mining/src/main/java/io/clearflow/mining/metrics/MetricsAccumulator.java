package io.clearflow.mining.metrics;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogNames;
import io.clearflow.mining.metrics.MetricsReport.Distribution;
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

/**
 * The seed's metric system computed case by case, shared by the in-memory path
 * ({@link MetricsCalculator}) and the streaming one, so both give the same report. What it keeps is
 * bounded by the metrics, not the log: per activity and month the waiting and handling durations
 * (one long each per activity instance, for exact medians and percentiles; the whole-log figures are
 * computed from the months' values at the end), per case month the case durations, per post the
 * step counts per hour and day, and counters.
 */
public final class MetricsAccumulator {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private final ActivityInstances instances;
    /** Case durations, waiting and handling: wall clock or working time. */
    private final TimeMeasure measure;
    private final Map<YearMonth, YearMonth> canonicalMonths = new HashMap<>();
    private int caseIndex;
    private long untimedCases;

    // process dimension
    private final Map<YearMonth, ProcessAcc> processMonths = new TreeMap<>();
    private long departmentsTotal;
    private long rolesTotal;
    private int[] groupSeen = new int[16];
    private int[] roleSeen = new int[16];

    // task dimension
    private final List<TaskTotals> taskTotals = new ArrayList<>();
    private final List<Map<YearMonth, TaskAcc>> taskMonths = new ArrayList<>();

    // person dimension
    private final List<long[]> resourceTotals = new ArrayList<>(); // {processes, steps}
    private final List<Map<YearMonth, long[]>> resourceMonths = new ArrayList<>();
    private int[] resourceSeen = new int[16];

    // post dimension
    private final List<Map<Long, long[]>> postHours = new ArrayList<>();
    private final List<Map<Long, long[]>> postDays = new ArrayList<>();
    private long[] postSteps = new long[16];

    private static final class ProcessAcc {
        final Durations durations = new Durations();
        long departments;
        long roles;
    }

    private static final class TaskTotals {
        long instances;
        long sendBacks;
        long withdrawals;
    }

    private static final class TaskAcc {
        final Durations waiting = new Durations();
        final Durations handling = new Durations();
        long instances;
        long sendBacks;
        long withdrawals;
    }

    public MetricsAccumulator() {
        this(TimeMeasure.WALL_CLOCK);
    }

    public MetricsAccumulator(TimeMeasure measure) {
        this.measure = measure;
        this.instances = ActivityInstances.empty(measure);
        Arrays.fill(groupSeen, -1);
        Arrays.fill(roleSeen, -1);
        Arrays.fill(resourceSeen, -1);
    }

    /** One case, its events in timestamp order. Cases are numbered in the order they are added. */
    public void add(CaseTrace trace) {
        int c = caseIndex++;
        if (trace.size() == 0) {
            return;
        }
        if (!trace.timed()) { // no month to put it in, no durations: counted as unavailable
            untimedCases++;
            return;
        }
        YearMonth month = canonicalMonths.computeIfAbsent(MonthOverMonth.monthOf(trace.time(0)), m -> m);
        process(trace, c, month);
        tasks(trace, c, month);
        resources(trace, c, month);
        posts(trace);
    }

    private void process(CaseTrace trace, int c, YearMonth month) {
        long duration = measure.between(trace.time(0), trace.time(trace.size() - 1));
        int departments = 0;
        int roles = 0;
        for (int e = 0; e < trace.size(); e++) {
            int g = trace.group(e);
            if (g != EventLog.NONE) {
                groupSeen = seen(groupSeen, g);
                if (groupSeen[g] != c) {
                    groupSeen[g] = c;
                    departments++;
                }
            }
            int r = trace.role(e);
            if (r != EventLog.NONE) {
                roleSeen = seen(roleSeen, r);
                if (roleSeen[r] != c) {
                    roleSeen[r] = c;
                    roles++;
                }
            }
        }
        ProcessAcc acc = processMonths.computeIfAbsent(month, m -> new ProcessAcc());
        acc.durations.add(duration);
        acc.departments += departments;
        acc.roles += roles;
        departmentsTotal += departments;
        rolesTotal += roles;
    }

    private void tasks(CaseTrace trace, int c, YearMonth month) {
        instances.clear();
        instances.addCase(trace, c);
        for (int i = 0; i < instances.size(); i++) {
            int a = instances.activity(i);
            taskTotals(a).instances++;
            TaskAcc acc = taskMonth(a, month);
            acc.instances++;
            long waiting = instances.waiting(i);
            long handling = instances.handling(i);
            if (waiting != ActivityInstances.UNKNOWN) {
                acc.waiting.add(waiting);
            }
            if (handling != ActivityInstances.UNKNOWN) {
                acc.handling.add(handling);
            }
        }
        for (int e = 0; e < trace.size(); e++) {
            byte kind = trace.kind(e);
            if (kind == CaseTrace.SEND_BACK || kind == CaseTrace.WITHDRAW) {
                int a = trace.activity(e);
                TaskTotals totals = taskTotals(a);
                TaskAcc acc = taskMonth(a, month);
                if (kind == CaseTrace.SEND_BACK) {
                    totals.sendBacks++;
                    acc.sendBacks++;
                } else {
                    totals.withdrawals++;
                    acc.withdrawals++;
                }
            }
        }
    }

    private TaskTotals taskTotals(int activity) {
        while (taskTotals.size() <= activity) {
            taskTotals.add(new TaskTotals());
            taskMonths.add(new TreeMap<>());
        }
        return taskTotals.get(activity);
    }

    private TaskAcc taskMonth(int activity, YearMonth month) {
        taskTotals(activity);
        return taskMonths.get(activity).computeIfAbsent(month, m -> new TaskAcc());
    }

    private void resources(CaseTrace trace, int c, YearMonth month) {
        for (int e = 0; e < trace.size(); e++) {
            int r = trace.resource(e);
            if (r != EventLog.NONE) {
                resourceSeen = seen(resourceSeen, r);
                if (resourceSeen[r] != c) {
                    resourceSeen[r] = c;
                    resource(r)[0]++;
                    resourceMonths.get(r).computeIfAbsent(month, m -> new long[2])[0]++;
                }
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

    /** Steps are the complete events (or events without a transition) carrying the post. */
    private void posts(CaseTrace trace) {
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

    private static int[] seen(int[] array, int id) {
        if (id < array.length) {
            return array;
        }
        int old = array.length;
        int[] grown = Arrays.copyOf(array, Math.max(id + 1, old * 2));
        Arrays.fill(grown, old, grown.length, -1);
        return grown;
    }

    // ---- the report ----

    public MetricsReport result(LogNames names) {
        return new MetricsReport(processResult(), tasksResult(names), resourcesResult(names), postsResult(names),
                untimedCases);
    }

    private MetricsReport.ProcessMetrics processResult() {
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
        return new MetricsReport.ProcessMetrics(cases, distribution(total), perCase(departmentsTotal, cases),
                perCase(rolesTotal, cases), MonthOverMonth.of(rows));
    }

    private List<MetricsReport.TaskMetrics> tasksResult(LogNames names) {
        List<MetricsReport.TaskMetrics> tasks = new ArrayList<>();
        for (int a = 0; a < taskTotals.size(); a++) {
            TaskTotals t = taskTotals.get(a);
            if (t.instances == 0 && t.sendBacks == 0 && t.withdrawals == 0) {
                continue;
            }
            TreeMap<YearMonth, Map<String, Double>> rows = new TreeMap<>();
            List<Durations> waiting = new ArrayList<>();
            List<Durations> handling = new ArrayList<>();
            taskMonths.get(a).forEach((month, acc) -> {
                waiting.add(acc.waiting);
                handling.add(acc.handling);
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
            tasks.add(new MetricsReport.TaskMetrics(names.activityName(a), t.instances,
                    distribution(Durations.merged(waiting)), distribution(Durations.merged(handling)), t.sendBacks,
                    t.withdrawals, MonthOverMonth.of(rows)));
        }
        tasks.sort(Comparator.comparingLong(MetricsReport.TaskMetrics::instances).reversed()
                .thenComparing(MetricsReport.TaskMetrics::activity));
        return tasks;
    }

    private List<MetricsReport.ResourceMetrics> resourcesResult(LogNames names) {
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

    private List<MetricsReport.PostMetrics> postsResult(LogNames names) {
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

    static Distribution distribution(Durations durations) {
        return new Distribution(durations.count(), durations.mean(), durations.median(), durations.percentile(90));
    }

    private static Double perCase(long total, long cases) {
        return cases == 0 ? null : (double) total / cases;
    }
}
