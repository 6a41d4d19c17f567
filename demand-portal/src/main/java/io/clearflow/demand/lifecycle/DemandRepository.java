package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the demand tables; runs on H2 and PostgreSQL alike. */
@Repository
public class DemandRepository {

    static final String DEMAND_COLUMNS = "id, title, description, department, requester, category, business_value, "
            + "urgency, regulatory, regulation_ref, expected_date, state, process_instance_id, origin_type, origin_ref, "
            + "value_score, estimate_days, actual_days, priority, target_version, submitted_at, triaged_at, "
            + "delivered_at, closed_at, acceptance_rejections, reject_reason";

    private final JdbcTemplate jdbc;

    public DemandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String month(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    static final RowMapper<Demand> DEMAND = (rs, i) -> new Demand(rs.getLong("id"), rs.getString("title"),
            rs.getString("description"), rs.getString("department"), rs.getString("requester"),
            rs.getString("category"), rs.getString("business_value"), rs.getString("urgency"),
            rs.getBoolean("regulatory"), rs.getString("regulation_ref"), rs.getObject("expected_date", LocalDate.class),
            DemandState.valueOf(rs.getString("state")), rs.getString("process_instance_id"),
            rs.getString("origin_type"), rs.getString("origin_ref"), (Integer) rs.getObject("value_score"),
            rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"), rs.getString("priority"),
            rs.getString("target_version"), instant(rs, "submitted_at"), instant(rs, "triaged_at"),
            instant(rs, "delivered_at"), instant(rs, "closed_at"), rs.getInt("acceptance_rejections"),
            rs.getString("reject_reason"));

    public long insert(NewDemand d, String requester, String department, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_demand (title, description, department, requester, "
                    + "category, business_value, urgency, regulatory, regulation_ref, expected_date, state, origin_type, "
                    + "origin_ref, submitted_at, submitted_month) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, d.title());
            ps.setString(2, d.description());
            ps.setString(3, department);
            ps.setString(4, requester);
            ps.setString(5, d.category());
            ps.setString(6, d.businessValue());
            ps.setString(7, d.urgency());
            ps.setBoolean(8, d.regulatory());
            ps.setString(9, d.regulationRef());
            ps.setObject(10, d.expectedDate());
            ps.setString(11, DemandState.SUBMITTED.name());
            ps.setString(12, d.origin() == null ? null : d.origin().type());
            ps.setString(13, d.origin() == null ? null : d.origin().reference());
            ps.setObject(14, utc(now));
            ps.setString(15, month(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void setCase(long id, String caseId) {
        jdbc.update("UPDATE cf_demand SET process_instance_id = ? WHERE id = ?", caseId, id);
    }

    public Optional<Demand> find(long id) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE id = ?", DEMAND, id).stream().findFirst();
    }

    /** Demands still open (not done, not rejected), for the consistency check. */
    public List<Demand> open() {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE state NOT IN ('DONE', 'REJECTED') ORDER BY id",
                DEMAND);
    }

    public Optional<Demand> findByCase(String caseId) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE process_instance_id = ?", DEMAND, caseId)
                .stream().findFirst();
    }

    /**
     * What a transition records besides the new state, as typed values: the column names stay in this class.
     * Each method sets the columns of one fact; a change without any records the state only.
     */
    public static final class Change {

        private final Map<String, Object> columns = new LinkedHashMap<>();

        public static Change none() {
            return new Change();
        }

        public Change triaged(Instant at) {
            columns.put("triaged_at", at);
            return this;
        }

        /** Rejected for good (at triage or by compliance): closed in the month of {@code at}. */
        public Change rejected(String reason, Instant at) {
            columns.put("reject_reason", reason);
            return closedAt(at);
        }

        public Change evaluated(Integer valueScore, BigDecimal estimateDays, String priority, String targetVersion) {
            columns.put("value_score", valueScore);
            columns.put("estimate_days", estimateDays);
            columns.put("priority", priority);
            columns.put("target_version", targetVersion);
            return this;
        }

        public Change delivered(Instant at, BigDecimal actualDays) {
            columns.put("delivered_at", at);
            columns.put("actual_days", actualDays);
            return this;
        }

        /** Accepted: closed, with its lead time and whether it was delivered by the expected date (null: none). */
        public Change accepted(Instant at, long leadSeconds, Boolean onTime) {
            closedAt(at);
            columns.put("lead_seconds", leadSeconds);
            columns.put("on_time", onTime);
            return this;
        }

        /** The delivery was not accepted: counted, and no longer delivered. */
        public Change acceptanceRejected(int rejectionsSoFar) {
            columns.put("acceptance_rejections", rejectionsSoFar);
            columns.put("delivered_at", null);
            return this;
        }

        private Change closedAt(Instant at) {
            columns.put("closed_at", at);
            columns.put("closed_month", month(at));
            return this;
        }
    }

    /**
     * Moves a demand from one state to another, with the change's further facts, only if it is still in
     * {@code from}: two people acting at once cannot both move it.
     */
    public boolean move(long id, DemandState from, DemandState to, Change change) {
        StringBuilder sql = new StringBuilder("UPDATE cf_demand SET state = ?, row_version = row_version + 1");
        List<Object> args = new ArrayList<>();
        args.add(to.name());
        change.columns.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            args.add(value instanceof Instant instant ? utc(instant) : value);
        });
        sql.append(" WHERE id = ? AND state = ?");
        args.add(id);
        args.add(from.name());
        return jdbc.update(sql.toString(), args.toArray()) == 1;
    }

    public void addHistory(long demandId, DemandState from, DemandState to, String actor, Instant at, String note) {
        jdbc.update("INSERT INTO cf_demand_history (demand_id, from_state, to_state, actor, occurred_at, note) "
                + "VALUES (?,?,?,?,?,?)", demandId, from == null ? null : from.name(), to.name(), actor, utc(at), note);
    }

    public List<DemandHistoryEntry> history(long demandId) {
        return jdbc.query("SELECT from_state, to_state, actor, occurred_at, note FROM cf_demand_history "
                        + "WHERE demand_id = ? ORDER BY id",
                (rs, i) -> new DemandHistoryEntry(rs.getString("from_state") == null ? null
                        : DemandState.valueOf(rs.getString("from_state")), DemandState.valueOf(rs.getString("to_state")),
                        rs.getString("actor"), instant(rs, "occurred_at"), rs.getString("note")), demandId);
    }

    /** Demands of a requester, newest first. */
    public List<Demand> byRequester(String requester, int offset, int limit) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE requester = ? ORDER BY id DESC"
                + page(offset, limit), DEMAND, requester);
    }

    /** Demands of a business department, newest first. */
    public List<Demand> byDepartment(String department, int offset, int limit) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE department = ? ORDER BY id DESC"
                + page(offset, limit), DEMAND, department);
    }

    /**
     * Offset and limit as literals (checked ints, nothing a user types): with bind parameters
     * PostgreSQL's generic plan does not know how few rows are wanted and may sort every row of
     * the requester or department instead of walking the index newest first.
     */
    static String page(int offset, int limit) {
        return " OFFSET " + Math.max(0, offset) + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    }
}
