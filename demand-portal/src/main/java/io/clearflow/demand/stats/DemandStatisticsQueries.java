package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandOutcomes.DecidedDemand;
import io.clearflow.demand.api.DemandOutcomes.Outcome;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statistics' read model over cf_demand (and cf_demand_task, to tell whether a decided demand was split):
 * what the rollup needs of one demand, the exact p90 lead time, and the outcomes of decided demands that
 * {@link io.clearflow.demand.api.DemandOutcomes} reports. These reads serve the statistics only and lean on their
 * own indexes (lead time, closing time), so they stay here rather than in the lifecycle's {@code DemandRepository}.
 */
@Repository
class DemandStatisticsQueries {

    /** What a demand contributes to the rollup; months as stored (CHAR(7)). */
    record RollupFacts(String department, String submittedMonth, String closedMonth, BigDecimal estimate,
                       BigDecimal actual, Boolean onTime, int acceptanceRejections, Long leadSeconds) { }

    private final JdbcTemplate jdbc;

    DemandStatisticsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    RollupFacts rollupFacts(long demandId) {
        return jdbc.queryForObject("SELECT department, submitted_month, closed_month, estimate_days, actual_days, "
                + "on_time, acceptance_rejections, lead_seconds FROM cf_demand WHERE id = ?", (rs, i) -> new RollupFacts(
                rs.getString("department"), rs.getString("submitted_month"), rs.getString("closed_month"),
                rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"), (Boolean) rs.getObject("on_time"),
                rs.getInt("acceptance_rejections"), (Long) rs.getObject("lead_seconds", Long.class)), demandId);
    }

    /**
     * The lead time (seconds) at a rank from the longest down among DONE demands of a department (null: all) submitted
     * in the month range: walks the lead-time index from the top, skipping {@code skip} rows.
     */
    Optional<Long> leadSecondsFromTop(String department, long skip, String fromMonth, String toMonth) {
        StringBuilder sql = new StringBuilder("SELECT lead_seconds FROM cf_demand WHERE state = 'DONE'");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            sql.append(" AND department = ?");
            args.add(department);
        }
        sql.append(" AND lead_seconds IS NOT NULL");
        DemandRollupRepository.submittedBetween(fromMonth, toMonth, sql, args);
        sql.append(" ORDER BY lead_seconds DESC OFFSET ? ROWS FETCH FIRST 1 ROW ONLY");
        args.add(skip);
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray()).stream().findFirst();
    }

    /** Decided (DONE or REJECTED) demands of a department (null: all) closed between the days (null: open). */
    Outcome outcome(String department, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = closedWhere(department, from, to, args);
        return jdbc.queryForObject("SELECT COUNT(*) AS decided,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN 1 ELSE 0 END), 0) AS delivered,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN estimate_days END), 0) AS estimated,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN actual_days END), 0) AS actual"
                + " FROM cf_demand WHERE state IN ('DONE', 'REJECTED')" + where,
                (rs, i) -> new Outcome(rs.getLong("decided"), rs.getLong("delivered"), rs.getBigDecimal("estimated"),
                        rs.getBigDecimal("actual")), args.toArray());
    }

    List<DecidedDemand> decided(String department, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = closedWhere(department, from, to, args);
        return jdbc.query("SELECT d.id, d.title, d.department, d.state, d.closed_at, d.value_score, d.estimate_days,"
                + " d.actual_days, EXISTS (SELECT 1 FROM cf_demand_task t WHERE t.demand_id = d.id) AS split"
                + " FROM cf_demand d WHERE d.state IN ('DONE', 'REJECTED')" + where + " ORDER BY d.closed_at, d.id",
                (rs, i) -> new DecidedDemand(rs.getLong("id"), rs.getString("title"), rs.getString("department"),
                        rs.getTimestamp("closed_at") == null ? null
                                : rs.getTimestamp("closed_at").toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
                        "DONE".equals(rs.getString("state")), (Integer) rs.getObject("value_score"), rs.getBigDecimal("estimate_days"),
                        rs.getBigDecimal("actual_days"), rs.getBigDecimal("estimate_days") != null,
                        rs.getBoolean("split")), args.toArray());
    }

    /** A period is a range on closed_at, so a year of one department reads only its closed rows. */
    private static String closedWhere(String department, LocalDate from, LocalDate to, List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (department != null) {
            where.append(" AND department = ?");
            args.add(department);
        }
        if (from != null) {
            where.append(" AND closed_at >= ?");
            args.add(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (to != null) {
            where.append(" AND closed_at < ?");
            args.add(Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return where.toString();
    }
}
