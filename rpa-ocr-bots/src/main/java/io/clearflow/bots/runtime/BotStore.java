package io.clearflow.bots.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The bot runtime's own tables: runs, their items, idempotency records and pause flags. */
public class BotStore {

    private final JdbcTemplate jdbc;
    private final BotMetrics metrics;

    public BotStore(JdbcTemplate jdbc) {
        this(jdbc, BotMetrics.unexported());
    }

    /** A store that also counts what it records, as {@link BotMetrics} describes. */
    public BotStore(JdbcTemplate jdbc, BotMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    BotMetrics metrics() {
        return metrics;
    }

    // --- idempotency

    public Optional<String> recorded(String key) {
        return jdbc.queryForList("SELECT result FROM rpa_idempotency WHERE idem_key = ?", String.class, key).stream().findFirst();
    }

    /** Records a result under a key; when another worker recorded first, its result wins and is returned. */
    public String record(String key, String bot, String result) {
        try {
            jdbc.update("INSERT INTO rpa_idempotency (idem_key, bot_name, result, recorded_at) VALUES (?,?,?,?)",
                    key, bot, result, Timestamp.from(Instant.now()));
            return result;
        } catch (DuplicateKeyException e) {
            return recorded(key).orElse(result);
        }
    }

    // --- pause flags

    public boolean paused(String bot) {
        return jdbc.queryForList("SELECT paused FROM rpa_bot_state WHERE bot_name = ?", Boolean.class, bot).stream()
                .findFirst().orElse(false);
    }

    public void setPaused(String bot, boolean paused, String by) {
        int updated = jdbc.update("UPDATE rpa_bot_state SET paused = ?, updated_at = ?, updated_by = ? WHERE bot_name = ?",
                paused, Timestamp.from(Instant.now()), by, bot);
        if (updated == 0) {
            jdbc.update("INSERT INTO rpa_bot_state (bot_name, paused, updated_at, updated_by) VALUES (?,?,?,?)",
                    bot, paused, Timestamp.from(Instant.now()), by);
        }
    }

    // --- runs and items

    public RunReport startRun(String bot, String trigger, String startedBy, String workerId) {
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO rpa_run (bot_name, trigger_kind, started_by, worker_id, started_at)"
                    + " VALUES (?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, bot);
            ps.setString(2, trigger);
            ps.setString(3, startedBy);
            ps.setString(4, workerId);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps;
        }, keys);
        return run(keys.getKey().longValue()).orElseThrow();
    }

    public void finishRun(long runId, String bot, String errors) {
        // the item counters are already current: addItem keeps them so while the run goes on
        metrics.run(bot, errors != null);
        jdbc.update("UPDATE rpa_run SET finished_at = ?, errors = ? WHERE id = ?", Timestamp.from(Instant.now()),
                abbreviate(errors, 4000), runId);
    }

    /**
     * What a run item worked on: an engine job (its id, case and activity) or an item of a source bot (its id in the
     * source, the case it led to, its name).
     */
    public record Item(String id, String caseId, String activityId, String name) {
        static Item of(ExternalJob job) {
            return new Item(job.id(), job.processInstanceId(), job.elementId(), null);
        }
    }

    /** Outcomes counted as done in the run's counters and the bot's record. */
    private static final java.util.Set<String> DONE = java.util.Set.of("done", "bpmn-error", "duplicate");

    public void addItem(long runId, String bot, Item item, String outcome, boolean replayed, Instant startedAt,
                        long handlingMs, String note) {
        jdbc.update("INSERT INTO rpa_run_item (run_id, bot_name, job_id, case_id, activity_id, item_name, outcome, replayed,"
                        + " started_at, handling_ms, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)", runId, bot, abbreviate(item.id(), 64),
                item.caseId(), item.activityId(), abbreviate(item.name(), 255), outcome, replayed, Timestamp.from(startedAt),
                handlingMs, abbreviate(note, 2000));
        // keep the run's counters current while it runs, so the console shows progress
        jdbc.update("UPDATE rpa_run SET "
                + "items_done = items_done + ?, items_handed = items_handed + ?, items_failed = items_failed + ? WHERE id = ?",
                DONE.contains(outcome) ? 1 : 0, outcome.equals("handed") ? 1 : 0, outcome.equals("failed") ? 1 : 0, runId);
        metrics.item(bot, outcome);
    }

    public Optional<RunReport> run(long runId) {
        return jdbc.query("SELECT * FROM rpa_run WHERE id = ?", BotStore::report, runId).stream().findFirst();
    }

    public List<RunReport> runs(String bot, int limit) {
        return jdbc.query("SELECT * FROM rpa_run WHERE bot_name = ? ORDER BY id DESC LIMIT ?", BotStore::report, bot, limit);
    }

    public List<RunItem> items(long runId) {
        return jdbc.query("SELECT * FROM rpa_run_item WHERE run_id = ? ORDER BY id", BotStore::item, runId);
    }

    public List<RunItem> handedItems(String bot, int limit) {
        return jdbc.query("SELECT * FROM rpa_run_item WHERE bot_name = ? AND outcome = 'handed' ORDER BY id DESC LIMIT ?",
                BotStore::item, bot, limit);
    }

    public BotStats stats(String bot) {
        long runs = jdbc.queryForObject("SELECT COUNT(*) FROM rpa_run WHERE bot_name = ?", Long.class, bot);
        return jdbc.queryForObject("SELECT COUNT(*) AS items, "
                + "COALESCE(SUM(CASE WHEN outcome IN ('done','bpmn-error','duplicate') THEN 1 ELSE 0 END), 0) AS done_count, "
                + "COALESCE(SUM(CASE WHEN outcome = 'handed' THEN 1 ELSE 0 END), 0) AS handed_count, "
                + "COALESCE(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), 0) AS failed_count, "
                + "COALESCE(AVG(CAST(handling_ms AS DOUBLE PRECISION)), 0) AS avg_ms "
                + "FROM rpa_run_item WHERE bot_name = ?", (rs, i) -> {
                    long items = rs.getLong("items");
                    long failed = rs.getLong("failed_count");
                    return new BotStats(runs, items, rs.getLong("done_count"), rs.getLong("handed_count"), failed,
                            items == 0 ? 0 : (double) failed / items, rs.getDouble("avg_ms"));
                }, bot);
    }

    /** Runs a crash left open (no finish): closed at start, so the console does not show them as running forever. */
    public int closeAbandonedRuns(String workerPrefix) {
        return jdbc.update("UPDATE rpa_run SET finished_at = ?, errors = 'abandoned: the worker stopped during the run' "
                + "WHERE finished_at IS NULL AND worker_id LIKE ?", Timestamp.from(Instant.now()), workerPrefix + "%");
    }

    private static RunReport report(ResultSet rs, int row) throws SQLException {
        return new RunReport(rs.getLong("id"), rs.getString("bot_name"), rs.getString("trigger_kind"), rs.getString("started_by"),
                rs.getString("worker_id"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getInt("items_done"), rs.getInt("items_handed"), rs.getInt("items_failed"), rs.getString("errors"));
    }

    private static RunItem item(ResultSet rs, int row) throws SQLException {
        return new RunItem(rs.getLong("id"), rs.getLong("run_id"), rs.getString("bot_name"), rs.getString("job_id"),
                rs.getString("case_id"), rs.getString("activity_id"), rs.getString("item_name"), rs.getString("outcome"), rs.getBoolean("replayed"),
                instant(rs.getTimestamp("started_at")), rs.getLong("handling_ms"), rs.getString("note"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
