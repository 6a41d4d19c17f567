package io.clearflow.mining.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The seed's metric system (process, task, post/person dimensions), each with month-over-month rows.
 * Durations are in ms; months are calendar months in UTC by the case's start, except post peaks,
 * which are by the month the steps were handled in (a peak is about when the load fell).
 * Every figure is by month and time, so cases with an event without timestamp are left out of all of
 * them; {@code untimedCases} says how many, so a reader knows the figures are unavailable for them.
 */
public record MetricsReport(ProcessMetrics process, List<TaskMetrics> tasks, List<ResourceMetrics> resources,
                            List<PostMetrics> posts, long untimedCases) {

    /** Count, mean, median and 90th percentile of a set of durations; statistics are null when empty. */
    public record Distribution(long count, Double meanMs, Double medianMs, Double p90Ms) {
    }

    /** Handling duration is first to last event of a case; departments/roles are distinct per case. */
    public record ProcessMetrics(long cases, Distribution handlingDuration, Double meanDepartments, Double meanRoles,
                                 List<MonthOverMonth.Month> months) {
    }

    public record TaskMetrics(String activity, long instances, Distribution waiting, Distribution handling,
                              long sendBacks, long withdrawals, List<MonthOverMonth.Month> months) {
    }

    /** Processes = cases the person has any event in; steps = activity instances they completed. */
    public record ResourceMetrics(String resource, long processes, long steps, List<MonthOverMonth.Month> months) {
    }

    /** Peak number of steps completed by the post (org:group) in one hour and in one UTC day. */
    public record PostMetrics(String post, long steps, long peakPerHour, Instant peakHour, long peakPerDay,
                              LocalDate peakDay, List<MonthOverMonth.Month> months) {
    }
}
