package io.clearflow.engine.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.PlatformEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code cf_event_log}: the writer's batched insert and the reads of the log, pages,
 * exports and the outbox relay. Plain SQL that runs the same on H2 and PostgreSQL.
 */
@Repository
public class EventLogRepository {

    /** Width of the {@code attributes} column. */
    static final int MAX_ATTRIBUTES_JSON = 4000;
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final String INSERT = "INSERT INTO cf_event_log (event_id, case_id, process_key, process_version, "
            + "process_definition_id, scope, activity_id, activity_name, activity_type, task_id, lifecycle, occurred_at, "
            + "resource, role, department, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<PlatformEvent> mapper = this::map;

    public EventLogRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends the events in their order, in one JDBC batch (one round trip for a whole transaction's rows). */
    void insert(List<PlatformEvent> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), (ps, e) -> {
            ps.setString(1, e.eventId());
            ps.setString(2, e.caseId());
            ps.setString(3, e.processKey());
            if (e.processVersion() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, e.processVersion());
            }
            ps.setString(5, e.processDefinitionId());
            ps.setString(6, e.scope().value());
            ps.setString(7, e.activityId());
            ps.setString(8, truncate(e.activityName(), 255));
            ps.setString(9, e.activityType());
            ps.setString(10, e.taskId());
            ps.setString(11, e.lifecycle());
            ps.setTimestamp(12, Timestamp.from(e.occurredAt()));
            ps.setString(13, e.resource());
            ps.setString(14, e.role());
            ps.setString(15, e.department());
            ps.setString(16, attributesJson(e.attributes()));
        });
    }

    /** The newest log position; 0 while the log is empty. */
    public long newestPosition() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM cf_event_log", Long.class);
        return max == null ? 0 : max;
    }

    public List<PlatformEvent> find(EventLogFilter filter, int offset, int limit) {
        Where where = where(filter);
        where.args.add(limit);
        where.args.add(offset);
        return jdbc.query("SELECT * FROM cf_event_log" + where.sql + " ORDER BY id LIMIT ? OFFSET ?", mapper,
                where.args.toArray());
    }

    public long count(EventLogFilter filter) {
        Where where = where(filter);
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log" + where.sql, Long.class, where.args.toArray());
    }

    /** A process key of the log with the number of its cases. */
    public record ProcessCases(String processKey, long cases) { }

    /** Every process in the log with its number of cases, most cases first: what a process filter offers. */
    public List<ProcessCases> casesByProcess() {
        return jdbc.query("SELECT process_key, COUNT(DISTINCT case_id) AS cases FROM cf_event_log"
                        + " WHERE process_key IS NOT NULL GROUP BY process_key ORDER BY cases DESC, process_key",
                (rs, i) -> new ProcessCases(rs.getString("process_key"), rs.getLong("cases")));
    }

    /** Streams matching events ordered by case and position, for export; never holds the slice in memory. */
    public void streamByCase(EventLogFilter filter, Consumer<PlatformEvent> sink) {
        Where where = where(filter);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT * FROM cf_event_log" + where.sql + " ORDER BY case_id, id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1000);
            for (int i = 0; i < where.args.size(); i++) {
                statement.setObject(i + 1, where.args.get(i));
            }
            return statement;
        }, (ResultSet rs) -> sink.accept(map(rs, 0)));
    }

    /** Events after a log position, in log order: what the outbox relay sends next. */
    public List<PlatformEvent> after(long position, int limit) {
        return jdbc.query("SELECT * FROM cf_event_log WHERE id > ? ORDER BY id LIMIT ?", mapper, position, limit);
    }

    /** How far a reader at {@code position} is behind: the rows after it and when the oldest of them happened. */
    public record Backlog(long events, java.time.Instant oldest) { }

    public Backlog backlogAfter(long position) {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(occurred_at) FROM cf_event_log WHERE id > ?", (rs, i) -> {
            java.sql.Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }, position);
    }

    private PlatformEvent map(ResultSet rs, int row) throws SQLException {
        String attributes = rs.getString("attributes");
        Map<String, String> parsed;
        try {
            parsed = attributes == null ? Map.of() : json.readValue(attributes, ATTRIBUTES);
        } catch (java.io.IOException e) {
            parsed = Map.of("raw", attributes);
        }
        int version = rs.getInt("process_version");
        return new PlatformEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("case_id"),
                rs.getString("process_key"), rs.wasNull() ? null : version, rs.getString("process_definition_id"),
                PlatformEvent.Scope.of(rs.getString("scope")), rs.getString("activity_id"), rs.getString("activity_name"),
                rs.getString("activity_type"), rs.getString("task_id"), rs.getString("lifecycle"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("resource"), rs.getString("role"),
                rs.getString("department"), parsed);
    }

    String attributesJson(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        try {
            String text = json.writeValueAsString(new TreeMap<>(attributes));
            if (text.length() <= MAX_ATTRIBUTES_JSON) {
                return text;
            }
            // keep it valid JSON: shorten every value rather than cutting the text
            Map<String, String> shorter = new TreeMap<>();
            int share = Math.max(16, MAX_ATTRIBUTES_JSON / (attributes.size() * 2));
            attributes.forEach((k, v) -> shorter.put(truncate(k, 64), truncate(v, share)));
            return json.writeValueAsString(shorter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event attributes not serialisable", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private record Where(String sql, List<Object> args) { }

    private static Where where(EventLogFilter f) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        add(sql, args, "case_id = ?", f.caseId());
        add(sql, args, "process_key = ?", f.processKey());
        add(sql, args, "department = ?", f.department());
        add(sql, args, "resource = ?", f.resource());
        add(sql, args, "activity_id = ?", f.activityId());
        add(sql, args, "lifecycle = ?", f.lifecycle());
        add(sql, args, "scope = ?", f.scope());
        add(sql, args, "occurred_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
        add(sql, args, "occurred_at < ?", f.to() == null ? null : Timestamp.from(f.to()));
        return new Where(sql.toString(), args);
    }

    private static void add(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return;
        }
        sql.append(args.isEmpty() ? " WHERE " : " AND ").append(condition);
        args.add(value);
    }
}
