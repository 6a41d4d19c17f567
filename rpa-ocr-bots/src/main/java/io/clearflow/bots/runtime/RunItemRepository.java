package io.clearflow.bots.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code rpa_run_item}: one row per job or source item a run worked on. */
final class RunItemRepository {

    private final JdbcTemplate jdbc;

    RunItemRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A bot's items over all its runs, counted by outcome, with their average handling time. */
    record Totals(long items, long done, long handed, long failed, double averageHandlingMs) { }

    void insert(long runId, String bot, BotStore.Item item, String outcome, boolean replayed, Instant startedAt,
                long handlingMs, String note) {
        jdbc.update("INSERT INTO rpa_run_item (run_id, bot_name, job_id, case_id, activity_id, item_name, outcome, replayed,"
                        + " started_at, handling_ms, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)", runId, bot, Columns.fit(item.id(), 64),
                item.caseId(), item.activityId(), Columns.fit(item.name(), 255), outcome, replayed, Timestamp.from(startedAt),
                handlingMs, Columns.fit(note, 2000));
    }

    List<RunItem> ofRun(long runId) {
        return jdbc.query("SELECT * FROM rpa_run_item WHERE run_id = ? ORDER BY id", RunItemRepository::item, runId);
    }

    /** The bot's latest items handed to people, newest first. */
    List<RunItem> handed(String bot, int limit) {
        return jdbc.query("SELECT * FROM rpa_run_item WHERE bot_name = ? AND outcome = 'handed' ORDER BY id DESC LIMIT ?",
                RunItemRepository::item, bot, limit);
    }

    /** Done counts the outcomes {@link BotStore} counts as done: done, bpmn-error, duplicate. */
    Totals totals(String bot) {
        return jdbc.queryForObject("SELECT COUNT(*) AS items, "
                + "COALESCE(SUM(CASE WHEN outcome IN ('done','bpmn-error','duplicate') THEN 1 ELSE 0 END), 0) AS done_count, "
                + "COALESCE(SUM(CASE WHEN outcome = 'handed' THEN 1 ELSE 0 END), 0) AS handed_count, "
                + "COALESCE(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), 0) AS failed_count, "
                + "COALESCE(AVG(CAST(handling_ms AS DOUBLE PRECISION)), 0) AS avg_ms "
                + "FROM rpa_run_item WHERE bot_name = ?", (rs, i) -> new Totals(rs.getLong("items"), rs.getLong("done_count"),
                        rs.getLong("handed_count"), rs.getLong("failed_count"), rs.getDouble("avg_ms")), bot);
    }

    private static RunItem item(ResultSet rs, int row) throws SQLException {
        return new RunItem(rs.getLong("id"), rs.getLong("run_id"), rs.getString("bot_name"), rs.getString("job_id"),
                rs.getString("case_id"), rs.getString("activity_id"), rs.getString("item_name"), rs.getString("outcome"),
                rs.getBoolean("replayed"), Columns.instant(rs.getTimestamp("started_at")), rs.getLong("handling_ms"),
                rs.getString("note"));
    }
}
