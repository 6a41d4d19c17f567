package io.clearflow.bots.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Table {@code rpa_run}: one row per run of a bot, with its item counters. */
final class RunRepository {

    private final JdbcTemplate jdbc;

    RunRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Inserts a started run; returns its id. */
    long insert(String bot, String trigger, String startedBy, String workerId, Instant startedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO rpa_run (bot_name, trigger_kind, started_by, worker_id, started_at)"
                    + " VALUES (?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, bot);
            ps.setString(2, trigger);
            ps.setString(3, startedBy);
            ps.setString(4, workerId);
            ps.setTimestamp(5, Timestamp.from(startedAt));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void finish(long runId, Instant finishedAt, String errors) {
        jdbc.update("UPDATE rpa_run SET finished_at = ?, errors = ? WHERE id = ?", Timestamp.from(finishedAt),
                Columns.fit(errors, 4000), runId);
    }

    /** Adds to the run's item counters. */
    void count(long runId, int done, int handed, int failed) {
        jdbc.update("UPDATE rpa_run SET "
                + "items_done = items_done + ?, items_handed = items_handed + ?, items_failed = items_failed + ? WHERE id = ?",
                done, handed, failed, runId);
    }

    Optional<RunReport> find(long runId) {
        return jdbc.query("SELECT * FROM rpa_run WHERE id = ?", RunRepository::report, runId).stream().findFirst();
    }

    /** The bot's latest runs, newest first. */
    List<RunReport> latest(String bot, int limit) {
        return jdbc.query("SELECT * FROM rpa_run WHERE bot_name = ? ORDER BY id DESC LIMIT ?", RunRepository::report, bot, limit);
    }

    long count(String bot) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rpa_run WHERE bot_name = ?", Long.class, bot);
    }

    /** Finishes the open runs of the workers whose id starts with the prefix, as abandoned; returns how many. */
    int closeAbandoned(String workerPrefix, Instant finishedAt) {
        return jdbc.update("UPDATE rpa_run SET finished_at = ?, errors = 'abandoned: the worker stopped during the run' "
                + "WHERE finished_at IS NULL AND worker_id LIKE ?", Timestamp.from(finishedAt), workerPrefix + "%");
    }

    private static RunReport report(ResultSet rs, int row) throws SQLException {
        return new RunReport(rs.getLong("id"), rs.getString("bot_name"), rs.getString("trigger_kind"), rs.getString("started_by"),
                rs.getString("worker_id"), Columns.instant(rs.getTimestamp("started_at")),
                Columns.instant(rs.getTimestamp("finished_at")), rs.getInt("items_done"), rs.getInt("items_handed"),
                rs.getInt("items_failed"), rs.getString("errors"));
    }
}
