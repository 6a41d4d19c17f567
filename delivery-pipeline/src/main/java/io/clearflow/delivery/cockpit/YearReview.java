package io.clearflow.delivery.cockpit;

import io.clearflow.demand.api.DemandOutcomes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A department's year-end review (seed (a): value, workload and actual delivery feed the year-end review): the
 * demands delivered with their value and workload, the projects accepted, the cost booked and the quality of the
 * versions delivered for the department in the calendar year (UTC).
 *
 * @param valueScore    sum of the delivered demands' value scores (those scored)
 * @param costByKind    cost booked in the year against the department's projects, per kind
 */
public record YearReview(String department, String departmentName, int year, List<DemandOutcomes.DecidedDemand> demands,
                         long decided, Double successRate, long valueScore, BigDecimal estimatedDays, BigDecimal actualDays,
                         List<AcceptedProject> projects, Map<String, BigDecimal> costByKind, BigDecimal cost,
                         Cockpit.Quality quality) {

    /** @param actual the project's recorded cost over its whole life */
    public record AcceptedProject(long id, String name, BigDecimal budget, BigDecimal actual, Instant acceptedAt) { }
}
