package io.clearflow.demand.lifecycle;

import static io.clearflow.demand.lifecycle.DemandRepository.instant;
import static io.clearflow.demand.lifecycle.DemandRepository.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every SQL statement of cf_demand_task, the development tasks a demand is split into: the lifecycle's tracking and
 * the Jira mirror's sync state (lease, retry, link, status read back). Callers pass typed values; the column names
 * and the sync-state rules of the statements stay here. Runs on H2 and PostgreSQL alike.
 */
@Repository
public class DemandTaskRepository {

    /** Sync states whose Jira issue is still to be created (a SYNCING lease may have died with its node). */
    private static final String UNSYNCED = "('PENDING','RETRYING','SYNCING')";

    static final RowMapper<DemandTask> TASK = (rs, i) -> new DemandTask(rs.getLong("id"), rs.getLong("demand_id"),
            rs.getString("title"), rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"),
            rs.getObject("due_date", LocalDate.class), instant(rs, "done_at"),
            DemandTask.Status.valueOf(rs.getString("status")), rs.getString("jira_key"), rs.getString("jira_status"),
            DemandTask.SyncState.valueOf(rs.getString("sync_state")), rs.getInt("sync_attempts"),
            rs.getString("sync_error"), instant(rs, "next_sync_at"));

    /** What creating a task's Jira issue needs: the task, its demand's title and description, the attempts so far. */
    public record IssueSource(long taskId, long demandId, String title, int syncAttempts, String demandTitle,
                              String demandDescription) { }

    /** A task's tracking as last stored, to compare with its Jira issue. */
    public record Tracking(long taskId, DemandTask.Status status, String jiraKey, String jiraStatus) { }

    /** A task's state read back from its Jira issue. */
    public record FromJira(long taskId, String jiraKey, String jiraStatus, DemandTask.Status status) { }

    private final JdbcTemplate jdbc;

    public DemandTaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the lifecycle: split, track, deliver

    public long insert(long demandId, String title, BigDecimal estimateDays, LocalDate dueDate,
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

    public List<DemandTask> ofDemand(long demandId) {
        return jdbc.query("SELECT * FROM cf_demand_task WHERE demand_id = ? ORDER BY id", TASK, demandId);
    }

    public Optional<DemandTask> find(long taskId) {
        return jdbc.query("SELECT * FROM cf_demand_task WHERE id = ?", TASK, taskId).stream().findFirst();
    }

    /** Sets a task's tracking status; the first move to DONE records when it was done. */
    public boolean updateStatus(long taskId, DemandTask.Status status, BigDecimal actualDays, String jiraStatus,
                                Instant now) {
        return jdbc.update("UPDATE cf_demand_task SET status = ?, actual_days = COALESCE(?, actual_days), "
                        + "jira_status = COALESCE(?, jira_status), "
                        + "done_at = CASE WHEN ? = 'DONE' THEN COALESCE(done_at, ?) ELSE NULL END, updated_at = ? "
                        + "WHERE id = ?", status.name(), actualDays, jiraStatus, status.name(), utc(now), utc(now),
                taskId) == 1;
    }

    /**
     * Tasks and done tasks per target version of their demands ({tasks, done}), of one department or, with a null
     * department, of all; for version tracking.
     */
    public Map<String, long[]> countsByTargetVersion(String department) {
        Map<String, long[]> counts = new HashMap<>();
        Object[] args = department == null ? new Object[0] : new Object[] {department};
        jdbc.query("SELECT d.target_version AS v, COUNT(t.id) AS n, SUM(CASE WHEN t.status = 'DONE' THEN 1 ELSE 0 END) "
                + "AS done FROM cf_demand d JOIN cf_demand_task t ON t.demand_id = d.id WHERE d.target_version IS NOT NULL"
                + (department == null ? "" : " AND d.department = ?") + " GROUP BY d.target_version", rs -> {
                    counts.put(rs.getString("v"), new long[] {rs.getLong("n"), rs.getLong("done")});
                }, args);
        return counts;
    }

    // --- the Jira mirror: which issues are still to be created, a lease per task, the outcome

    /** A demand's tasks whose issue is still to be created. */
    public List<Long> unsynced(long demandId) {
        return jdbc.queryForList("SELECT id FROM cf_demand_task WHERE demand_id = ? AND sync_state IN " + UNSYNCED
                + " ORDER BY id", Long.class, demandId);
    }

    /** Tasks whose issue is due to be (re)tried now, at most 200 per round. */
    public List<Long> dueForSync(Instant now) {
        return jdbc.queryForList("SELECT id FROM cf_demand_task WHERE sync_state IN " + UNSYNCED
                + " AND (next_sync_at IS NULL OR next_sync_at <= ?) ORDER BY id FETCH FIRST 200 ROWS ONLY",
                Long.class, utc(now));
    }

    public Optional<DemandTask.SyncState> syncState(long taskId) {
        return jdbc.queryForList("SELECT sync_state FROM cf_demand_task WHERE id = ?", String.class, taskId).stream()
                .findFirst().map(DemandTask.SyncState::valueOf);
    }

    /** Jira is down: a demand's tasks not tried yet wait for the retry instead of each waiting for Jira in turn. */
    public void deferPending(long demandId, Instant retryAt, String reason) {
        jdbc.update("UPDATE cf_demand_task SET sync_state = 'RETRYING', next_sync_at = ?, sync_error = ? "
                + "WHERE demand_id = ? AND sync_state = 'PENDING'", utc(retryAt), reason, demandId);
    }

    /**
     * Takes the task for this node until {@code until}, if it is unsynced and due: two nodes never create its issue
     * at once, and a node that dies holding it loses it when the lease ends. True when taken.
     */
    public boolean lease(long taskId, Instant now, Instant until) {
        return jdbc.update("UPDATE cf_demand_task SET sync_state = 'SYNCING', next_sync_at = ? WHERE id = ? AND "
                + "sync_state IN " + UNSYNCED + " AND (next_sync_at IS NULL OR next_sync_at <= ?)",
                utc(until), taskId, utc(now)) == 1;
    }

    public IssueSource issueSource(long taskId) {
        return jdbc.queryForObject("SELECT t.id, t.demand_id, t.title, t.sync_attempts, d.title AS demand_title, "
                + "d.description FROM cf_demand_task t JOIN cf_demand d ON d.id = t.demand_id WHERE t.id = ?",
                (rs, i) -> new IssueSource(rs.getLong("id"), rs.getLong("demand_id"), rs.getString("title"),
                        rs.getInt("sync_attempts"), rs.getString("demand_title"), rs.getString("description")), taskId);
    }

    /** Linked: the issue's key (and its status when it already existed) stored, the sync done. */
    public void linked(long taskId, String jiraKey, String jiraStatus, int attempts, Instant now) {
        jdbc.update("UPDATE cf_demand_task SET jira_key = ?, jira_status = COALESCE(?, jira_status), sync_state = "
                + "'SYNCED', sync_attempts = ?, sync_error = NULL, next_sync_at = NULL, updated_at = ? WHERE id = ?",
                jiraKey, jiraStatus, attempts, utc(now), taskId);
    }

    /** Jira was unavailable: tried again at {@code retryAt}. */
    public void retryLater(long taskId, int attempts, String error, Instant retryAt, Instant now) {
        jdbc.update("UPDATE cf_demand_task SET sync_state = 'RETRYING', sync_attempts = ?, sync_error = ?, "
                + "next_sync_at = ?, updated_at = ? WHERE id = ?", attempts, error, utc(retryAt), utc(now), taskId);
    }

    /** Jira refused the issue for good: an administrator must act. */
    public void failed(long taskId, int attempts, String error, Instant now) {
        jdbc.update("UPDATE cf_demand_task SET sync_state = 'FAILED', sync_attempts = ?, sync_error = ?, "
                + "next_sync_at = NULL, updated_at = ? WHERE id = ?", attempts, error, utc(now), taskId);
    }

    /** The tracking of these tasks (one query for a whole page of issues); unknown ids are left out. */
    public Map<Long, Tracking> tracking(Collection<Long> taskIds) {
        Map<Long, Tracking> found = new HashMap<>();
        if (taskIds.isEmpty()) {
            return found;
        }
        String in = String.join(",", Collections.nCopies(taskIds.size(), "?"));
        jdbc.query("SELECT id, status, jira_key, jira_status FROM cf_demand_task WHERE id IN (" + in + ")", rs -> {
            found.put(rs.getLong("id"), new Tracking(rs.getLong("id"), DemandTask.Status.valueOf(rs.getString("status")),
                    rs.getString("jira_key"), rs.getString("jira_status")));
        }, taskIds.toArray());
        return found;
    }

    /** Applies what Jira says, in one batch; linking a task found by its label adopts the issue. */
    public void applyFromJira(List<FromJira> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE cf_demand_task SET jira_key = ?, jira_status = ?, status = ?, sync_state = 'SYNCED', "
                + "sync_error = NULL, next_sync_at = NULL, done_at = CASE WHEN ? = 'DONE' THEN COALESCE(done_at, ?) "
                + "ELSE NULL END, updated_at = ? WHERE id = ?", changes.stream().map(c -> new Object[] {c.jiraKey(),
                        c.jiraStatus(), c.status().name(), c.status().name(), utc(now), utc(now), c.taskId()}).toList());
    }

    public Optional<Long> byJiraKey(String jiraKey) {
        return jdbc.queryForList("SELECT id FROM cf_demand_task WHERE jira_key = ?", Long.class, jiraKey).stream()
                .findFirst();
    }
}
