package io.clearflow.engine.eventlog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.PlatformEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads the event log. Plain SQL that runs the same on H2 and PostgreSQL. */
@Repository
public class EventLogRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<PlatformEvent> mapper = this::map;

    public EventLogRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
