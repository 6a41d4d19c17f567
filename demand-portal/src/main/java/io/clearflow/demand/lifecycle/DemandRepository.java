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

    static final RowMapper<DemandTask> TASK = (rs, i) -> new DemandTask(rs.getLong("id"), rs.getLong("demand_id"),
            rs.getString("title"), rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"),
            rs.getObject("due_date", LocalDate.class), instant(rs, "done_at"),
            DemandTask.Status.valueOf(rs.getString("status")), rs.getString("jira_key"), rs.getString("jira_status"),
            DemandTask.SyncState.valueOf(rs.getString("sync_state")), rs.getInt("sync_attempts"),
            rs.getString("sync_error"), instant(rs, "next_sync_at"));

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
     * Moves a demand from one state to another, with further column changes, only if it is still in
     * {@code from}: two people acting at once cannot both move it.
     */
    public boolean move(long id, DemandState from, DemandState to, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE cf_demand SET state = ?, row_version = row_version + 1");
        List<Object> args = new ArrayList<>();
        args.add(to.name());
        columns.forEach((column, value) -> {
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

    public long insertTask(long demandId, String title, BigDecimal estimateDays, LocalDate dueDate,
                           DemandTask.SyncState syncState, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_demand_task (demand_id, title, estimate_days, due_date, "
                    + "status, sync_state, updated_at) VALUES (?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, demandId);
            ps.setString(2, title);
            ps.setBigDecimal(3, estimateDays);
            ps.setObject(4, dueDate);
            ps.setString(5, DemandTask.Status.TODO.name());
            ps.setString(6, syncState.name());
            ps.setObject(7, utc(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public List<DemandTask> tasks(long demandId) {
        return jdbc.query("SELECT * FROM cf_demand_task WHERE demand_id = ? ORDER BY id", TASK, demandId);
    }

    public Optional<DemandTask> task(long taskId) {
        return jdbc.query("SELECT * FROM cf_demand_task WHERE id = ?", TASK, taskId).stream().findFirst();
    }

    /** Sets a task's tracking status; the first move to DONE records when it was done. */
    public boolean updateTaskStatus(long taskId, DemandTask.Status status, BigDecimal actualDays, String jiraStatus,
                                    Instant now) {
        return jdbc.update("UPDATE cf_demand_task SET status = ?, actual_days = COALESCE(?, actual_days), "
                        + "jira_status = COALESCE(?, jira_status), "
                        + "done_at = CASE WHEN ? = 'DONE' THEN COALESCE(done_at, ?) ELSE NULL END, updated_at = ? "
                        + "WHERE id = ?", status.name(), actualDays, jiraStatus, status.name(), utc(now), utc(now),
                taskId) == 1;
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
