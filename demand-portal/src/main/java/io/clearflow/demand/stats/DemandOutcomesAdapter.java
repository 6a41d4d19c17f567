package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandOutcomes;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public {@link DemandOutcomes} over {@code cf_demand}: the closing time is indexed by state, and a period
 * is a range on {@code closed_at}, so a year of one department reads only its closed rows.
 */
@Component
class DemandOutcomesAdapter implements DemandOutcomes {

    private final JdbcTemplate jdbc;

    DemandOutcomesAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Outcome outcome(String department, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = where(department, from, to, args);
        return jdbc.queryForObject("SELECT COUNT(*) AS decided,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN 1 ELSE 0 END), 0) AS delivered,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN estimate_days END), 0) AS estimated,"
                + " COALESCE(SUM(CASE WHEN state = 'DONE' THEN actual_days END), 0) AS actual"
                + " FROM cf_demand WHERE state IN ('DONE', 'REJECTED')" + where,
                (rs, i) -> new Outcome(rs.getLong("decided"), rs.getLong("delivered"), rs.getBigDecimal("estimated"),
                        rs.getBigDecimal("actual")), args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecidedDemand> decided(String department, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = where(department, from, to, args);
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

    private static String where(String department, LocalDate from, LocalDate to, List<Object> args) {
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
