package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.lifecycle.DemandService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code cf_demand_rollup} (department × submission month × state, and closing month for DONE
 * demands) in step with {@code cf_demand}: every lifecycle change moves one demand from one row to
 * another <em>in the same transaction</em> as the change itself (a plain, synchronous event
 * listener), so the statistics never see a half-applied change and a rolled-back change leaves the
 * figures untouched.
 *
 * <p>Sums (workload, on time, first-time acceptance, lead time) are carried on DONE rows only; DONE
 * is terminal and its columns are final when the demand reaches it, so each closed demand adds them
 * exactly once. A business-acceptance rejection (ACCEPTANCE → TRACKING) only moves a count.
 *
 * <p>Concurrency: the counter update takes a row lock on one rollup row until commit, so two
 * lifecycle changes of the same department and month in the same state queue for a few
 * milliseconds; demands change state a few times a day each, far below where that matters. A missing
 * row is created in its own short transaction (a duplicate from a parallel creator is fine) so no
 * database-specific upsert is needed and the caller's transaction never sees a constraint error.
 */
@Component
public class DemandRollup {

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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public DemandRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
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
    public List<Map<String, Object>> maintained() {
        return jdbc.queryForList("SELECT " + COLUMNS + " FROM cf_demand_rollup WHERE demands <> 0 "
                + "ORDER BY department, submitted_month, state, closed_month");
    }

    /** The rows computed from scratch out of cf_demand, sorted like {@link #maintained()}. */
    public List<Map<String, Object>> fromScratch() {
        return jdbc.queryForList("SELECT * FROM (" + FROM_SCRATCH + ") r "
                + "ORDER BY department, submitted_month, state, closed_month");
    }

    /** Runs inside the transaction of the lifecycle change that published the event. */
    @EventListener
    public void on(DemandService.StateChanged change) {
        Facts f = jdbc.queryForObject("SELECT department, submitted_month, closed_month, estimate_days, actual_days, "
                + "on_time, acceptance_rejections, lead_seconds FROM cf_demand WHERE id = ?", (rs, i) -> new Facts(
                rs.getString("department"), rs.getString("submitted_month"), rs.getString("closed_month"),
                rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"), (Boolean) rs.getObject("on_time"),
                rs.getInt("acceptance_rejections"), (Long) rs.getObject("lead_seconds", Long.class)),
                change.demandId());
        if (change.from() != null) {
            add(f, change.from(), -1);
        }
        add(f, change.to(), 1);
    }

    private void add(Facts f, DemandState state, int sign) {
        boolean done = state == DemandState.DONE;
        String closedMonth = done && f.closedMonth() != null ? f.closedMonth().trim() : "";
        BigDecimal signum = BigDecimal.valueOf(sign);
        Object[] args = {sign,
                done ? zero(f.estimate()).multiply(signum) : BigDecimal.ZERO,
                done ? zero(f.actual()).multiply(signum) : BigDecimal.ZERO,
                done && Boolean.TRUE.equals(f.onTime()) ? sign : 0,
                done && f.onTime() != null ? sign : 0,
                done && f.acceptanceRejections() == 0 ? sign : 0,
                done && f.leadSeconds() != null ? sign : 0,
                done && f.leadSeconds() != null ? sign * f.leadSeconds() : 0L,
                f.department(), f.submittedMonth().trim(), state.name(), closedMonth};
        String update = "UPDATE cf_demand_rollup SET demands = demands + ?, estimated_days = estimated_days + ?, "
                + "actual_days = actual_days + ?, on_time = on_time + ?, with_date = with_date + ?, "
                + "first_time = first_time + ?, lead_count = lead_count + ?, lead_seconds = lead_seconds + ? "
                + "WHERE department = ? AND submitted_month = ? AND state = ? AND closed_month = ?";
        if (jdbc.update(update, args) == 1) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> {
            try {
                jdbc.update("INSERT INTO cf_demand_rollup (department, submitted_month, state, closed_month) "
                        + "VALUES (?, ?, ?, ?)", f.department(), f.submittedMonth().trim(), state.name(), closedMonth);
            } catch (DuplicateKeyException createdMeanwhile) {
                tx.setRollbackOnly();
            }
        });
        if (jdbc.update(update, args) != 1) {
            throw new IllegalStateException("rollup row missing for " + f.department() + " " + state);
        }
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private record Facts(String department, String submittedMonth, String closedMonth, BigDecimal estimate,
                         BigDecimal actual, Boolean onTime, int acceptanceRejections, Long leadSeconds) { }
}
