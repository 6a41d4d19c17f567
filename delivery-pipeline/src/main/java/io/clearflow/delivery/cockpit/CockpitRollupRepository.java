package io.clearflow.delivery.cockpit;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of the cockpit's own tables (V11): {@code del_cockpit_flow}, {@code del_cockpit_demand}, {@code del_cockpit_refresh}. */
@Repository
class CockpitRollupRepository {

    /** A decided demand and, when accepted, its chain links, as the rollup keeps them. */
    record DemandLinks(long demandId, String title, String department, LocalDate closedOn, boolean accepted,
                       BigDecimal estimateDays, boolean evaluated, boolean split, boolean delivered, String system) {
    }

    /**
     * The demand figures of a filter in one read.
     *
     * @param chainRecords accepted demands (the completeness chain's records), {@code chainComplete} those with every link
     */
    record DemandTotals(long decided, long accepted, BigDecimal estimatedDays, long chainRecords, long chainComplete) {
    }

    private static final String FLOW_COLUMNS = "version_id, system_code, department, label, created_at, created_by, "
            + "has_artifact, submitted_at, accepted_at, verdict_at, passed, qc_reviewed_at, change_approved_at, deployed_at, "
            + "has_change, prod_deployments, prod_failed, defects, escaped_defects";

    private static final RowMapper<FlowRow> FLOW = (rs, i) -> new FlowRow(rs.getLong("version_id"),
            rs.getString("system_code"), rs.getString("department"), rs.getString("label"), instant(rs, "created_at"),
            rs.getString("created_by"), rs.getBoolean("has_artifact"), instant(rs, "submitted_at"),
            instant(rs, "accepted_at"), instant(rs, "verdict_at"), rs.getBoolean("passed"), instant(rs, "qc_reviewed_at"),
            instant(rs, "change_approved_at"), instant(rs, "deployed_at"), rs.getBoolean("has_change"),
            rs.getInt("prod_deployments"), rs.getInt("prod_failed"), rs.getInt("defects"), rs.getInt("escaped_defects"));

    private final JdbcTemplate jdbc;

    CockpitRollupRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the whole flow rollup (the caller's transaction makes the swap atomic for readers). */
    void replaceFlows(List<FlowRow> rows) {
        jdbc.update("DELETE FROM del_cockpit_flow");
        jdbc.batchUpdate("INSERT INTO del_cockpit_flow (" + FLOW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.versionId());
                    ps.setString(2, r.system());
                    ps.setString(3, r.department());
                    ps.setString(4, r.label());
                    ps.setTimestamp(5, ts(r.createdAt()));
                    ps.setString(6, r.createdBy());
                    ps.setBoolean(7, r.hasArtifact());
                    ps.setTimestamp(8, ts(r.submittedAt()));
                    ps.setTimestamp(9, ts(r.acceptedAt()));
                    ps.setTimestamp(10, ts(r.verdictAt()));
                    ps.setBoolean(11, r.passed());
                    ps.setTimestamp(12, ts(r.qcReviewedAt()));
                    ps.setTimestamp(13, ts(r.changeApprovedAt()));
                    ps.setTimestamp(14, ts(r.deployedAt()));
                    ps.setBoolean(15, r.hasChange());
                    ps.setInt(16, r.prodDeployments());
                    ps.setInt(17, r.prodFailed());
                    ps.setInt(18, r.defects());
                    ps.setInt(19, r.escapedDefects());
                });
    }

    void replaceDemands(List<DemandLinks> rows) {
        jdbc.update("DELETE FROM del_cockpit_demand");
        jdbc.batchUpdate("INSERT INTO del_cockpit_demand (demand_id, title, department, closed_on, accepted, estimate_days, "
                        + "evaluated, split, delivered, system_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.demandId());
                    ps.setString(2, r.title());
                    ps.setString(3, r.department());
                    ps.setDate(4, r.closedOn() == null ? null : Date.valueOf(r.closedOn()));
                    ps.setBoolean(5, r.accepted());
                    ps.setBigDecimal(6, r.estimateDays());
                    ps.setBoolean(7, r.evaluated());
                    ps.setBoolean(8, r.split());
                    ps.setBoolean(9, r.delivered());
                    ps.setString(10, r.system());
                });
    }

    void refreshed(Instant at, long tookMs) {
        if (jdbc.update("UPDATE del_cockpit_refresh SET refreshed_at = ?, took_ms = ? WHERE id = 1", ts(at), tookMs) == 0) {
            jdbc.update("INSERT INTO del_cockpit_refresh (id, refreshed_at, took_ms) VALUES (1, ?, ?)", ts(at), tookMs);
        }
    }

    Optional<Instant> lastRefresh() {
        return jdbc.query("SELECT refreshed_at FROM del_cockpit_refresh WHERE id = 1", (rs, i) -> instant(rs, "refreshed_at"))
                .stream().findFirst();
    }

    /** The versions in the filter: department, system and creation in the period. */
    List<FlowRow> flows(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.department() != null) {
            where.append(" AND department = ?");
            args.add(f.department());
        }
        if (f.system() != null) {
            where.append(" AND system_code = ?");
            args.add(f.system());
        }
        period(where, args, "created_at", f);
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM del_cockpit_flow" + where + " ORDER BY version_id", FLOW,
                args.toArray());
    }

    /**
     * Decided and accepted demands of the filter, the accepted ones' estimates, and the completeness chain's counts;
     * the system filter applies to the chain only (a rejected demand reached no system).
     */
    DemandTotals demandTotals(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        String where = demandWhere(f.withSystem(null), args);
        String chain = "accepted" + (f.system() == null ? "" : " AND system_code = ?");
        if (f.system() != null) {
            args.add(0, f.system());
            args.add(0, f.system());
        }
        return jdbc.queryForObject("SELECT COUNT(*) AS decided, COALESCE(SUM(CASE WHEN accepted THEN 1 ELSE 0 END), 0) AS accepted,"
                + " COALESCE(SUM(CASE WHEN accepted THEN estimate_days END), 0) AS estimated,"
                + " COALESCE(SUM(CASE WHEN " + chain + " THEN 1 ELSE 0 END), 0) AS records,"
                + " COALESCE(SUM(CASE WHEN " + chain + " AND evaluated AND split AND delivered THEN 1 ELSE 0 END), 0) AS complete"
                + " FROM del_cockpit_demand" + where, (rs, i) -> new DemandTotals(rs.getLong("decided"), rs.getLong("accepted"),
                        rs.getBigDecimal("estimated"), rs.getLong("records"), rs.getLong("complete")), args.toArray());
    }

    List<DemandLinks> incompleteDemands(CockpitFilter f, int limit) {
        List<Object> args = new ArrayList<>();
        String where = demandWhere(f, args) + " AND accepted AND NOT (evaluated AND split AND delivered)";
        args.add(limit);
        return jdbc.query("SELECT demand_id, title, department, closed_on, evaluated, split, delivered, system_code"
                + " FROM del_cockpit_demand" + where + " ORDER BY closed_on DESC, demand_id DESC LIMIT ?", (rs, i) -> new DemandLinks(
                        rs.getLong("demand_id"), rs.getString("title"), rs.getString("department"),
                        rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(), true, null,
                        rs.getBoolean("evaluated"), rs.getBoolean("split"), rs.getBoolean("delivered"),
                        rs.getString("system_code")), args.toArray());
    }

    private static String demandWhere(CockpitFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.department() != null) {
            where.append(" AND department = ?");
            args.add(f.department());
        }
        if (f.system() != null) {
            where.append(" AND system_code = ?");
            args.add(f.system());
        }
        if (f.from() != null) {
            where.append(" AND closed_on >= ?");
            args.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND closed_on <= ?");
            args.add(Date.valueOf(f.to()));
        }
        return where.toString();
    }

    private static void period(StringBuilder where, List<Object> args, String column, CockpitFilter f) {
        if (f.from() != null) {
            where.append(" AND ").append(column).append(" >= ?");
            args.add(Timestamp.from(f.fromInstant()));
        }
        if (f.to() != null) {
            where.append(" AND ").append(column).append(" < ?");
            args.add(Timestamp.from(f.untilInstant()));
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
