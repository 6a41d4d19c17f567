package io.clearflow.engine.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over Flowable's history tables: one query covers running and ended instances,
 * because the history row of an instance exists from its start. Flowable's query API cannot filter
 * by the initiator's department or page a status that depends on the job tables, so monitoring reads
 * the tables itself; it never writes them. Every value is a bind parameter. Plain SQL that runs the
 * same on H2 and PostgreSQL.
 */
@Repository
class InstanceRepository {

    /** Running with a job that failed and waits for a retry, or ran out of retries. */
    static final String FAILED = "(EXISTS (SELECT 1 FROM ACT_RU_DEADLETTER_JOB dj WHERE dj.PROCESS_INSTANCE_ID_ = p.PROC_INST_ID_)"
            + " OR EXISTS (SELECT 1 FROM ACT_RU_TIMER_JOB tj WHERE tj.PROCESS_INSTANCE_ID_ = p.PROC_INST_ID_"
            + " AND tj.EXCEPTION_MSG_ IS NOT NULL))";

    private static final String COLUMNS = "SELECT p.PROC_INST_ID_, p.BUSINESS_KEY_, p.START_USER_ID_, p.START_TIME_,"
            + " p.END_TIME_, p.DURATION_, p.DELETE_REASON_, d.KEY_, d.NAME_, d.VERSION_,"
            + " CASE WHEN p.END_TIME_ IS NULL AND " + FAILED + " THEN 1 ELSE 0 END AS FAILED_"
            + " FROM ACT_HI_PROCINST p LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_";

    private final JdbcTemplate jdbc;

    InstanceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of matching instances by start time; {@code department} maps an initiator to theirs. */
    List<InstanceRow> find(InstanceFilter filter, boolean ascending, int offset, int limit,
                           Function<String, String> department) {
        Where where = where(filter);
        where.args.add(limit);
        where.args.add(offset);
        String order = ascending ? " ORDER BY p.START_TIME_ ASC, p.ID_ ASC" : " ORDER BY p.START_TIME_ DESC, p.ID_ DESC";
        return jdbc.query(COLUMNS + where.sql + order + " LIMIT ? OFFSET ?",
                (rs, n) -> row(rs, department), where.args.toArray());
    }

    long count(InstanceFilter filter) {
        Where where = where(filter);
        String join = filter.processKey() == null ? "" : " LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_";
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p" + join + where.sql, Long.class,
                where.args.toArray());
    }

    InstanceRow one(String instanceId, Function<String, String> department) {
        List<InstanceRow> rows = jdbc.query(COLUMNS + " WHERE p.PROC_INST_ID_ = ?", (rs, n) -> row(rs, department),
                instanceId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** What statistics need of an instance: process, initiator, start, end and whether it was withdrawn. */
    record Lifetime(String processKey, String processName, String initiator, Instant started, Instant ended,
                    boolean withdrawn) {
        Long durationMs() {
            return ended == null ? null : ended.toEpochMilli() - started.toEpochMilli();
        }
    }

    /** Instances started, or ended, within [from, to), optionally of one initiator department. */
    List<Lifetime> lifetimes(Instant from, Instant to, String department) {
        List<Object> args = new ArrayList<>(List.of(ts(from), ts(to), ts(from), ts(to)));
        String inDepartment = "";
        if (department != null) {
            inDepartment = " AND " + DEPARTMENT;
            args.add(department);
        }
        return jdbc.query("SELECT d.KEY_, d.NAME_, p.START_USER_ID_, p.START_TIME_, p.END_TIME_, p.DELETE_REASON_"
                        + " FROM ACT_HI_PROCINST p LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_"
                        + " WHERE ((p.START_TIME_ >= ? AND p.START_TIME_ < ?) OR (p.END_TIME_ >= ? AND p.END_TIME_ < ?))"
                        + inDepartment,
                (rs, n) -> new Lifetime(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6) != null),
                args.toArray());
    }

    /** Instances started within [from, to) per initiator: started, still running, completed, withdrawn. */
    record InitiatorCounts(String initiator, long started, long running, long completed, long withdrawn) { }

    List<InitiatorCounts> countsByInitiator(Instant from, Instant to, String department) {
        List<Object> args = new ArrayList<>(List.of(ts(from), ts(to)));
        String inDepartment = "";
        if (department != null) {
            inDepartment = " AND " + DEPARTMENT;
            args.add(department);
        }
        return jdbc.query("SELECT p.START_USER_ID_, COUNT(*),"
                        + " SUM(CASE WHEN p.END_TIME_ IS NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN p.END_TIME_ IS NOT NULL AND p.DELETE_REASON_ IS NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN p.END_TIME_ IS NOT NULL AND p.DELETE_REASON_ IS NOT NULL THEN 1 ELSE 0 END)"
                        + " FROM ACT_HI_PROCINST p WHERE p.START_TIME_ >= ? AND p.START_TIME_ < ?" + inDepartment
                        + " GROUP BY p.START_USER_ID_",
                (rs, n) -> new InitiatorCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                args.toArray());
    }

    /** The initiator's department, through the directory's membership table (departments are IDM groups). */
    static final String DEPARTMENT = "EXISTS (SELECT 1 FROM ACT_ID_MEMBERSHIP m WHERE m.USER_ID_ = p.START_USER_ID_"
            + " AND m.GROUP_ID_ = ?)";

    private record Where(String sql, List<Object> args) { }

    private static Where where(InstanceFilter f) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        condition(sql, args, "d.KEY_ = ?", f.processKey());
        condition(sql, args, "p.START_USER_ID_ = ?", f.initiator());
        condition(sql, args, DEPARTMENT, f.department());
        condition(sql, args, "p.START_TIME_ >= ?", f.from() == null ? null : ts(f.from()));
        condition(sql, args, "p.START_TIME_ < ?", f.to() == null ? null : ts(f.to()));
        if (f.status() != null) {
            String status = switch (f.status()) {
                case "running" -> "p.END_TIME_ IS NULL AND NOT " + FAILED;
                case "failed" -> "p.END_TIME_ IS NULL AND " + FAILED;
                case "completed" -> "p.END_TIME_ IS NOT NULL AND p.DELETE_REASON_ IS NULL";
                case "withdrawn" -> "p.END_TIME_ IS NOT NULL AND p.DELETE_REASON_ IS NOT NULL";
                default -> throw new IllegalArgumentException(f.status());
            };
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(status);
        }
        return new Where(sql.toString(), args);
    }

    private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value == null) {
            return;
        }
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        args.add(value);
    }

    private static InstanceRow row(ResultSet rs, Function<String, String> department) throws SQLException {
        String initiator = rs.getString("START_USER_ID_");
        Instant started = instant(rs.getTimestamp("START_TIME_"));
        Instant ended = instant(rs.getTimestamp("END_TIME_"));
        String status = ended == null ? (rs.getInt("FAILED_") == 1 ? "failed" : "running")
                : rs.getString("DELETE_REASON_") == null ? "completed" : "withdrawn";
        int version = rs.getInt("VERSION_");
        Integer processVersion = rs.wasNull() ? null : version;
        return new InstanceRow(rs.getString("PROC_INST_ID_"), rs.getString("KEY_"), rs.getString("NAME_"), processVersion,
                rs.getString("BUSINESS_KEY_"), initiator, initiator == null ? null : department.apply(initiator),
                started, ended, ended == null ? null : ended.toEpochMilli() - started.toEpochMilli(), status);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
