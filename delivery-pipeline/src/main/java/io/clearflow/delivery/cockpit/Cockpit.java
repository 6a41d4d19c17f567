package io.clearflow.delivery.cockpit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The cockpit's answer (the JSON of {@code GET /api/delivery/cockpit}); departments and people carry their names.
 *
 * @param projectsByStage every {@link io.clearflow.delivery.project.ProjectStage} code, in order, with its count (zeros too)
 * @param asOf            when the pre-aggregation behind the delivery, quality and completeness figures was rebuilt
 */
public record Cockpit(String department, String departmentName, String system, LocalDate from, LocalDate to, Instant asOf,
                      Map<String, Long> projectsByStage, Budget budget, List<StageLeadTime> stageLeadTimes,
                      List<Handoff> handoffs, Quality quality, DemandSuccess demands, Satisfaction satisfaction,
                      TeamEfficiency teamEfficiency, List<Chain> completeness) {

    /** Sums of budgets and of recorded costs (actual), over all, per current stage and per department. */
    public record Budget(BigDecimal budget, BigDecimal actual, List<BudgetLine> byStage, List<BudgetLine> byDepartment) { }

    /** @param key a stage code or a department id; {@code name} its label / department name */
    public record BudgetLine(String key, String name, long projects, BigDecimal budget, BigDecimal actual) { }

    /** Time projects spent in a stage they have left, in days. */
    public record StageLeadTime(String stage, long count, Double medianDays, Double p85Days) { }

    /**
     * Time between two delivery milestones of a version, in hours.
     *
     * @param key  e.g. {@code dev-to-test}; {@code from}, {@code to} the milestones; {@code roles} who hands to whom
     */
    public record Handoff(String key, String from, String to, String roles, long count, Double medianHours, Double p85Hours) { }

    /**
     * @param changeFailRate failed ÷ all finished production deployments, null without any
     */
    public record Quality(long versions, long defects, long escapedDefects, long productionDeployments,
                          long failedProductionDeployments, Double changeFailRate) { }

    /** @param successRate delivered ÷ decided, null when nothing was decided */
    public record DemandSuccess(long decided, long delivered, Double successRate) { }

    public record Satisfaction(long responses, Double meanScore, List<DepartmentScore> byDepartment) { }

    public record DepartmentScore(String department, String departmentName, long responses, Double meanScore) { }

    /**
     * @param people       members with a delivery role (developer, tester, QC, ops)
     * @param months       calendar months of the period (or of the versions' span without one), at least 1
     * @param deliveries   versions in scope that reached production
     * @param demandPoints evaluated person-days of the demands delivered in the period
     */
    public record TeamEfficiency(long people, long months, long personMonths, long deliveries,
                                 Double deliveriesPerPersonMonth, BigDecimal demandPoints, Double demandPointsPerPersonMonth) { }

    /**
     * Data completeness along one of the seed's chains.
     *
     * @param links      the chain's links in order
     * @param share      complete ÷ records, null without records
     * @param incomplete the first incomplete records (the drill-down API lists them all)
     */
    public record Chain(String key, List<String> links, long records, long complete, Double share,
                        List<Gap> incomplete) { }

    /** @param missing the links the record lacks, in chain order */
    public record Gap(String id, String label, String department, String departmentName, List<String> missing) { }
}
