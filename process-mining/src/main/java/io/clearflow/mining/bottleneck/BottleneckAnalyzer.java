package io.clearflow.mining.bottleneck;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.metrics.ActivityInstances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks activities, hand-offs and departments by total waiting; finds rework loops and SLA breaches. */
public final class BottleneckAnalyzer {

    private static final int WORST_CASES = 100;

    private BottleneckAnalyzer() {
    }

    public static BottleneckReport analyze(EventLog log, Duration sla) {
        return analyze(log, ActivityInstances.of(log), sla);
    }

    /**
     * Waiting measured by the calendar (working time). The SLA stays a wall-clock duration, as the SLA
     * setting is written (P7D = seven calendar days).
     */
    public static BottleneckReport analyze(EventLog log, Duration sla, TimeMeasure measure) {
        return analyze(log, ActivityInstances.of(log, measure), sla);
    }

    public static BottleneckReport analyze(EventLog log, ActivityInstances instances, Duration sla) {
        Map<Integer, Wait> activities = new HashMap<>();
        Map<Long, Wait> handoffs = new HashMap<>();
        Map<Integer, Wait> departments = new HashMap<>();
        boolean[] timed = new boolean[log.caseCount()];
        long untimed = 0;
        for (int c = 0; c < timed.length; c++) {
            timed[c] = log.timed(c);
            untimed += timed[c] ? 0 : 1;
        }
        for (int i = 0; i < instances.size(); i++) {
            long waiting = instances.waiting(i);
            if (waiting == ActivityInstances.UNKNOWN || !timed[instances.caseIndex(i)]) {
                continue;
            }
            int activity = instances.activity(i);
            activities.computeIfAbsent(activity, k -> new Wait()).add(waiting);
            if (instances.previousActivity(i) != EventLog.NONE) {
                long key = ((long) instances.previousActivity(i) << 32) | activity;
                handoffs.computeIfAbsent(key, k -> new Wait()).add(waiting);
            }
            if (instances.group(i) != EventLog.NONE) {
                departments.computeIfAbsent(instances.group(i), k -> new Wait()).add(waiting);
            }
        }
        List<BottleneckReport.ActivityWait> activityWaits = new ArrayList<>();
        activities.forEach((a, w) -> activityWaits.add(
                new BottleneckReport.ActivityWait(log.activityName(a), w.count, w.mean(), w.total)));
        activityWaits.sort(Comparator.comparingDouble(BottleneckReport.ActivityWait::totalWaitMs).reversed()
                .thenComparing(BottleneckReport.ActivityWait::activity));
        List<BottleneckReport.HandoffWait> handoffWaits = new ArrayList<>();
        handoffs.forEach((key, w) -> handoffWaits.add(new BottleneckReport.HandoffWait(
                log.activityName((int) (key >>> 32)), log.activityName((int) (long) key), w.count, w.mean(), w.total)));
        handoffWaits.sort(Comparator.comparingDouble(BottleneckReport.HandoffWait::totalWaitMs).reversed()
                .thenComparing(BottleneckReport.HandoffWait::source).thenComparing(BottleneckReport.HandoffWait::target));
        List<BottleneckReport.DepartmentWait> departmentWaits = new ArrayList<>();
        departments.forEach((g, w) -> departmentWaits.add(
                new BottleneckReport.DepartmentWait(log.groupName(g), w.count, w.mean(), w.total)));
        departmentWaits.sort(Comparator.comparingDouble(BottleneckReport.DepartmentWait::totalWaitMs).reversed()
                .thenComparing(BottleneckReport.DepartmentWait::department));
        return new BottleneckReport(activityWaits, handoffWaits, rework(log, instances), sla(log, sla, timed),
                departmentWaits, untimed);
    }

    private static final class Wait {
        long count;
        double total;

        void add(long waiting) {
            count++;
            total += waiting;
        }

        double mean() {
            return total / count;
        }
    }

    /** Counts activity instances (not events), so a start/complete pair is one execution. */
    private static List<BottleneckReport.Rework> rework(EventLog log, ActivityInstances instances) {
        long[] cases = new long[log.activityCount()];
        long[] repetitions = new long[log.activityCount()];
        int[] perCase = new int[log.activityCount()];
        int i = 0;
        while (i < instances.size()) {
            int c = instances.caseIndex(i);
            int from = i;
            while (i < instances.size() && instances.caseIndex(i) == c) {
                perCase[instances.activity(i++)]++;
            }
            for (int j = from; j < i; j++) {
                int a = instances.activity(j);
                if (perCase[a] > 1) {
                    cases[a]++;
                    repetitions[a] += perCase[a] - 1;
                }
                perCase[a] = 0; // each activity is counted once per case
            }
        }
        List<BottleneckReport.Rework> result = new ArrayList<>();
        for (int a = 0; a < cases.length; a++) {
            if (cases[a] > 0) {
                result.add(new BottleneckReport.Rework(log.activityName(a), cases[a], repetitions[a]));
            }
        }
        result.sort(Comparator.comparingLong(BottleneckReport.Rework::repetitions).reversed()
                .thenComparing(BottleneckReport.Rework::activity));
        return result;
    }

    private static BottleneckReport.Sla sla(EventLog log, Duration sla, boolean[] timed) {
        long limit = sla.toMillis();
        List<BottleneckReport.CaseDuration> over = new ArrayList<>();
        int timedCases = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            if (!timed[c]) {
                continue;
            }
            timedCases++;
            long duration = log.timestamp(log.caseEnd(c) - 1) - log.timestamp(log.caseStart(c));
            if (duration > limit) {
                over.add(new BottleneckReport.CaseDuration(log.caseId(c), duration));
            }
        }
        over.sort(Comparator.comparingLong(BottleneckReport.CaseDuration::durationMs).reversed()
                .thenComparing(BottleneckReport.CaseDuration::caseId));
        double share = timedCases == 0 ? 0 : (double) over.size() / timedCases;
        return new BottleneckReport.Sla(limit, over.size(), share, List.copyOf(over.subList(0, Math.min(WORST_CASES, over.size()))));
    }
}
