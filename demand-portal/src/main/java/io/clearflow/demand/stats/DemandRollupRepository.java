package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every SQL statement of cf_demand_rollup, the statistics pre-aggregation (department × submission month × state ×
 * closing month of DONE demands), with its definition as an aggregation of cf_demand ({@link #FROM_SCRATCH}).
 */
@Repository
public class DemandRollupRepository {

    /** The rollup computed from scratch out of cf_demand, in the table's column order. */
    static final String FROM_SCRATCH = "SELECT department, submitted_month, state, closed_month, COUNT(*) AS demands, "
            + "SUM(estimated_days) AS estimated_days, SUM(actual_days) AS actual_days, SUM(on_time) AS on_time, "
            + "SUM(with_date) AS with_date, SUM(first_time) AS first_time, SUM(lead_count) AS lead_count, "
            + "SUM(lead_seconds) AS lead_seconds FROM (SELECT department, submitted_month, state, "
            + "CASE WHEN state = 'DONE' THEN COALESCE(closed_month, '') ELSE '' END AS closed_month, "
            + "CASE WHEN state = 'DONE' THEN COALESCE(estimate_days, 0) ELSE 0 END AS estimated_days, "
            + "CASE WHEN state = 'DONE' THEN COALESCE(actual_days, 0) ELSE 0 END AS actual_days, "
            + "CASE WHEN state = 'DONE' AND on_time THEN 1 ELSE 0 END AS on_time, "
            + "CASE WHEN state = 'DONE' AND on_time IS NOT NULL THEN 1 ELSE 0 END AS with_date, "
            + "CASE WHEN state = 'DONE' AND acceptance_rejections = 0 THEN 1 ELSE 0 END AS first_time, "
            + "CASE WHEN state = 'DONE' AND lead_seconds IS NOT NULL THEN 1 ELSE 0 END AS lead_count, "
            + "CASE WHEN state = 'DONE' THEN COALESCE(lead_seconds, 0) ELSE 0 END AS lead_seconds "
            + "FROM cf_demand) d GROUP BY department, submitted_month, state, closed_month";

    static final String COLUMNS = "department, submitted_month, state, closed_month, demands, estimated_days, "
            + "actual_days, on_time, with_date, first_time, lead_count, lead_seconds";

    /** One row's key: closing month '' unless DONE, so it can be part of the primary key. */
    record Key(String department, String submittedMonth, DemandState state, String closedMonth) { }

    /** One row's figures: a delta to add, or a row as read. Sums are non-zero on DONE rows only. */
    record Figures(long demands, BigDecimal estimatedDays, BigDecimal actualDays, long onTime, long withDate,
                   long firstTime, long leadCount, long leadSeconds) { }

    record Row(Key key, Figures figures) { }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            new Key(rs.getString("department"), rs.getString("submitted_month"), DemandState.valueOf(rs.getString("state")),
                    rs.getString("closed_month")),
            new Figures(rs.getLong("demands"), rs.getBigDecimal("estimated_days"), rs.getBigDecimal("actual_days"),
                    rs.getLong("on_time"), rs.getLong("with_date"), rs.getLong("first_time"), rs.getLong("lead_count"),
                    rs.getLong("lead_seconds")));

    private static final String ADD = "UPDATE cf_demand_rollup SET demands = demands + ?, estimated_days = estimated_days + ?, "
            + "actual_days = actual_days + ?, on_time = on_time + ?, with_date = with_date + ?, "
            + "first_time = first_time + ?, lead_count = lead_count + ?, lead_seconds = lead_seconds + ? "
            + "WHERE department = ? AND submitted_month = ? AND state = ? AND closed_month = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    DemandRollupRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Recomputes the whole table from cf_demand (after a bulk load that bypassed the lifecycle). */
    public static void rebuild(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM cf_demand_rollup");
        jdbc.update("INSERT INTO cf_demand_rollup (" + COLUMNS + ") " + FROM_SCRATCH);
    }

    /** The rows as maintained (empty rows left by moved demands omitted), sorted by key. */
    List<Map<String, Object>> maintained() {
        return jdbc.queryForList("SELECT " + COLUMNS + " FROM cf_demand_rollup WHERE demands <> 0 "
                + "ORDER BY department, submitted_month, state, closed_month");
    }

    /** The rows computed from scratch out of cf_demand, sorted like {@link #maintained()}. */
    List<Map<String, Object>> fromScratch() {
        return jdbc.queryForList("SELECT * FROM (" + FROM_SCRATCH + ") r "
                + "ORDER BY department, submitted_month, state, closed_month");
    }

    /**
     * Adds the delta to one row. A missing row is created in its own short transaction (a duplicate from a parallel
     * creator is fine), so no database-specific upsert is needed and the caller's transaction never sees a
     * constraint error; the update's row lock queues concurrent changes of the same row until commit.
     */
    void add(Key key, Figures delta) {
        Object[] args = {delta.demands(), delta.estimatedDays(), delta.actualDays(), delta.onTime(), delta.withDate(),
                delta.firstTime(), delta.leadCount(), delta.leadSeconds(), key.department(), key.submittedMonth(),
                key.state().name(), key.closedMonth()};
        if (jdbc.update(ADD, args) == 1) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> {
            try {
                jdbc.update("INSERT INTO cf_demand_rollup (department, submitted_month, state, closed_month) "
                        + "VALUES (?, ?, ?, ?)", key.department(), key.submittedMonth(), key.state().name(),
                        key.closedMonth());
            } catch (DuplicateKeyException createdMeanwhile) {
                tx.setRollbackOnly();
            }
        });
        if (jdbc.update(ADD, args) != 1) {
            throw new IllegalStateException("rollup row missing for " + key.department() + " " + key.state());
        }
    }

    /** The non-empty rows of a department (null: all) whose submission month is in range (null or blank: open). */
    List<Row> rows(String department, String fromMonth, String toMonth) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (department != null) {
            where.append(" AND department = ?");
            args.add(department);
        }
        submittedBetween(fromMonth, toMonth, where, args);
        return jdbc.query("SELECT " + COLUMNS + " FROM cf_demand_rollup WHERE demands <> 0" + where, ROW, args.toArray());
    }

    /** The submission-month range (null or blank: open) as conditions on cf_demand's and the rollup's column. */
    static void submittedBetween(String fromMonth, String toMonth, StringBuilder sql, List<Object> args) {
        if (fromMonth != null && !fromMonth.isBlank()) {
            sql.append(" AND submitted_month >= ?");
            args.add(fromMonth);
        }
        if (toMonth != null && !toMonth.isBlank()) {
            sql.append(" AND submitted_month <= ?");
            args.add(toMonth);
        }
    }

    /** Demands per state, every state present (0 when none); {@code department} null: all departments. */
    Map<DemandState, Long> countsByState(String department) {
        Map<DemandState, Long> counts = new EnumMap<>(DemandState.class);
        for (DemandState s : DemandState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, SUM(demands) AS n FROM cf_demand_rollup" + (department == null ? "" : " WHERE department = ?")
                + " GROUP BY state", rs -> {
                    counts.put(DemandState.valueOf(rs.getString("state")), rs.getLong("n"));
                }, department == null ? new Object[0] : new Object[] {department});
        return counts;
    }
}
