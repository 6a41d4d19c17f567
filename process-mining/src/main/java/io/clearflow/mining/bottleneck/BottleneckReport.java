package io.clearflow.mining.bottleneck;

import java.util.List;

/**
 * Where work waits. Waiting is as in the task metrics (arrival → pick-up); totals are frequency ×
 * mean wait, lists are sorted by total waiting, highest first. Cases with an event without timestamp
 * are left out of the waits and the SLA (their times are unavailable; {@code untimedCases} counts them)
 * but count for rework, which needs no time.
 */
public record BottleneckReport(List<ActivityWait> activities, List<HandoffWait> handoffs, List<Rework> rework,
                               Sla sla, List<DepartmentWait> departments, long untimedCases) {

    public record ActivityWait(String activity, long frequency, double meanWaitMs, double totalWaitMs) {
    }

    /** Waiting of {@code target} instances whose work became available when {@code source} completed. */
    public record HandoffWait(String source, String target, long frequency, double meanWaitMs, double totalWaitMs) {
    }

    /** An activity done more than once in a case: in how many cases, and how many extra times in all. */
    public record Rework(String activity, long cases, long repetitions) {
    }

    /** Cases whose duration (first to last event) exceeds the SLA; {@code worst} lists up to 100, longest first. */
    public record Sla(long slaMs, long casesOver, double shareOver, List<CaseDuration> worst) {
    }

    public record CaseDuration(String caseId, long durationMs) {
    }

    /** Waiting summed over the instances of a department (org:group) that picked up or completed the work. */
    public record DepartmentWait(String department, long frequency, double meanWaitMs, double totalWaitMs) {
    }
}
