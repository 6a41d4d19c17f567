package io.clearflow.mining.metrics;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.LogNames;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task dimension of the metric system: per activity and month the waiting and handling durations (one long each
 * per activity instance, for exact medians and percentiles), send-backs and withdrawals.
 */
final class TaskDimension {

    private final List<TaskTotals> taskTotals = new ArrayList<>();
    private final List<Map<YearMonth, TaskAcc>> taskMonths = new ArrayList<>();

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

    /** @param instances the case's activity instances */
    void add(CaseTrace trace, ActivityInstances instances, YearMonth month) {
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

    List<MetricsReport.TaskMetrics> result(LogNames names) {
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
                    MetricsAccumulator.distribution(Durations.merged(waiting)),
                    MetricsAccumulator.distribution(Durations.merged(handling)), t.sendBacks, t.withdrawals,
                    MonthOverMonth.of(rows)));
        }
        tasks.sort(Comparator.comparingLong(MetricsReport.TaskMetrics::instances).reversed()
                .thenComparing(MetricsReport.TaskMetrics::activity));
        return tasks;
    }
}
