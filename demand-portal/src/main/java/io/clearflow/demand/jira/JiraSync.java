package io.clearflow.demand.jira;

import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.demand.lifecycle.DemandTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps development tasks and their Jira issues in step.
 *
 * <p>Creating issues is idempotent: a task's issue key is stored as soon as Jira answers, and
 * before creating an issue the task's own label ({@code cf-task-<id>}) is searched for, so an issue
 * created just before a crash is adopted, not duplicated. A node takes a task with a lease (state
 * SYNCING until {@code next_sync_at}) so two nodes never create its issue at once. Jira being down
 * leaves the task RETRYING with a growing delay; nothing is lost.
 *
 * <p>Status flows back by the webhook and by a periodic reconciliation that reads every ClearFlow
 * issue page by page.
 */
@Service
public class JiraSync {

    static final String LABEL = "clearflow";
    private static final Logger log = LoggerFactory.getLogger(JiraSync.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** What one reconciliation did. */
    public record Reconciliation(int pages, int issues, int updated, int adopted, Duration took) { }

    private final JiraProperties properties;
    private final ObjectProvider<JiraClient> client;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TaskStatusMapping mapping;

    public JiraSync(JiraProperties properties, ObjectProvider<JiraClient> client, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mapping = new TaskStatusMapping(properties.statusMapping());
    }

    public boolean enabled() {
        return properties.enabled() && client.getIfAvailable() != null;
    }

    static String taskLabel(long taskId) {
        return "cf-task-" + taskId;
    }

    /** Right after a split commits, try to create the issues once; failures are retried by {@link #retryDue()}. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onTasksCreated(DemandService.TasksCreated event) {
        if (enabled()) {
            push(event.demandId());
        }
    }

    /** Creates the missing Jira issues of one demand's tasks. */
    public void push(long demandId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM cf_demand_task WHERE demand_id = ? AND sync_state IN "
                + "('PENDING','RETRYING','SYNCING') ORDER BY id", Long.class, demandId);
        for (long id : ids) {
            if (!ensureIssue(id) && jiraDown(id)) {
                // Jira is down: do not make the person who split wait for every other task too
                jdbc.update("UPDATE cf_demand_task SET sync_state = 'RETRYING', next_sync_at = ?, sync_error = ? "
                        + "WHERE demand_id = ? AND sync_state = 'PENDING'", now().plus(properties.retryInterval()),
                        "not tried: Jira was unavailable for an earlier task", demandId);
                return;
            }
        }
    }

    private boolean jiraDown(long taskId) {
        return "RETRYING".equals(jdbc.queryForObject("SELECT sync_state FROM cf_demand_task WHERE id = ?", String.class,
                taskId));
    }

    @Scheduled(initialDelayString = "${clearflow.demand.jira.retry-interval:PT30S}",
            fixedDelayString = "${clearflow.demand.jira.retry-interval:PT30S}")
    public void retryDue() {
        if (!enabled()) {
            return;
        }
        List<Long> due = jdbc.queryForList("SELECT id FROM cf_demand_task WHERE sync_state IN ('PENDING','RETRYING',"
                + "'SYNCING') AND (next_sync_at IS NULL OR next_sync_at <= ?) ORDER BY id FETCH FIRST 200 ROWS ONLY",
                Long.class, now());
        due.forEach(this::ensureIssue);
    }

    /** Links one task to its Jira issue, creating it unless it already exists. True when linked. */
    public boolean ensureIssue(long taskId) {
        OffsetDateTime now = now();
        int leased = jdbc.update("UPDATE cf_demand_task SET sync_state = 'SYNCING', next_sync_at = ? WHERE id = ? AND "
                + "sync_state IN ('PENDING','RETRYING','SYNCING') AND (next_sync_at IS NULL OR next_sync_at <= ?)",
                now.plus(LEASE), taskId, now);
        if (leased == 0) {
            return false; // linked already, or another node holds it, or not due yet
        }
        Map<String, Object> task = jdbc.queryForMap("SELECT t.id, t.demand_id, t.title, t.sync_attempts, d.title AS "
                + "demand_title, d.description FROM cf_demand_task t JOIN cf_demand d ON d.id = t.demand_id WHERE t.id = ?",
                taskId);
        long demandId = ((Number) task.get("demand_id")).longValue();
        int attempts = ((Number) task.get("sync_attempts")).intValue() + 1;
        JiraClient jira = client.getObject();
        try {
            String jql = "project = \"" + properties.project() + "\" AND labels = \"" + taskLabel(taskId) + "\"";
            Optional<JiraClient.Issue> existing = jira.search(jql, null).issues().stream().findFirst();
            String key;
            String status = null;
            if (existing.isPresent()) {
                key = existing.get().key();
                status = existing.get().status();
            } else {
                String description = "ClearFlow DEM-" + demandId + ": " + task.get("demand_title") + "\n\n"
                        + task.get("description");
                key = jira.createIssue(new JiraClient.NewIssue(String.valueOf(task.get("title")),
                        description.length() > 30_000 ? description.substring(0, 30_000) : description,
                        List.of(LABEL, "cf-demand-" + demandId, taskLabel(taskId)), "DEM-" + demandId)).key();
            }
            jdbc.update("UPDATE cf_demand_task SET jira_key = ?, jira_status = COALESCE(?, jira_status), sync_state = "
                    + "'SYNCED', sync_attempts = ?, sync_error = NULL, next_sync_at = NULL, updated_at = ? WHERE id = ?",
                    key, status, attempts, now(), taskId);
            return true;
        } catch (JiraException.Unavailable e) {
            Duration delay = properties.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 5));
            jdbc.update("UPDATE cf_demand_task SET sync_state = 'RETRYING', sync_attempts = ?, sync_error = ?, "
                    + "next_sync_at = ?, updated_at = ? WHERE id = ?", attempts, abbreviate(e.getMessage()),
                    now().plus(delay), now(), taskId);
            log.warn("Jira unavailable for task {} (attempt {}), retrying in {}: {}", taskId, attempts, delay, e.getMessage());
        } catch (JiraException e) {
            jdbc.update("UPDATE cf_demand_task SET sync_state = 'FAILED', sync_attempts = ?, sync_error = ?, "
                    + "next_sync_at = NULL, updated_at = ? WHERE id = ?", attempts, abbreviate(e.getMessage()), now(), taskId);
            log.error("Jira refused task {}: {}", taskId, e.getMessage());
        }
        return false;
    }

    @Scheduled(initialDelayString = "${clearflow.demand.jira.sync-interval:PT10M}",
            fixedDelayString = "${clearflow.demand.jira.sync-interval:PT10M}")
    public void scheduledReconcile() {
        if (!enabled()) {
            return;
        }
        try {
            Reconciliation r = reconcile();
            log.info("Jira reconciliation: {} issues in {} pages, {} tasks updated, {} adopted, {}", r.issues(),
                    r.pages(), r.updated(), r.adopted(), r.took());
        } catch (JiraException e) {
            log.warn("Jira reconciliation failed, next run in {}: {}", properties.syncInterval(), e.getMessage());
        }
    }

    /** Reads every ClearFlow issue of the project back and applies status changes, one page at a time. */
    public Reconciliation reconcile() {
        Instant started = clock.instant();
        int[] counts = new int[3];
        String jql = "project = \"" + properties.project() + "\" AND labels = \"" + LABEL + "\" ORDER BY key";
        int pages = client.getObject().searchAll(jql, page -> {
            counts[0] += page.size();
            int[] applied = applyPage(page);
            counts[1] += applied[0];
            counts[2] += applied[1];
        });
        return new Reconciliation(pages, counts[0], counts[1], counts[2],
                Duration.between(started, clock.instant()));
    }

    /** Applies one page: one query for the page's tasks, one batch of updates. Returns {updated, adopted}. */
    int[] applyPage(List<JiraClient.Issue> issues) {
        Map<Long, JiraClient.Issue> byTask = new HashMap<>();
        for (JiraClient.Issue issue : issues) {
            taskId(issue).ifPresent(id -> byTask.put(id, issue));
        }
        if (byTask.isEmpty()) {
            return new int[] {0, 0};
        }
        String in = String.join(",", java.util.Collections.nCopies(byTask.size(), "?"));
        List<Object[]> updates = new ArrayList<>();
        int[] adopted = {0};
        OffsetDateTime now = now();
        jdbc.query("SELECT id, status, jira_key, jira_status FROM cf_demand_task WHERE id IN (" + in + ")", rs -> {
            long id = rs.getLong("id");
            JiraClient.Issue issue = byTask.get(id);
            Optional<DemandTask.Status> mapped = mapping.map(issue.status(), issue.statusCategory());
            String status = mapped.map(Enum::name).orElse(rs.getString("status"));
            boolean linked = issue.key().equals(rs.getString("jira_key"));
            if (!linked) {
                adopted[0]++;
            }
            if (!linked || !status.equals(rs.getString("status"))
                    || !java.util.Objects.equals(issue.status(), rs.getString("jira_status"))) {
                updates.add(new Object[] {issue.key(), issue.status(), status, status, now, now, id});
            }
        }, byTask.keySet().toArray());
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE cf_demand_task SET jira_key = ?, jira_status = ?, status = ?, sync_state = 'SYNCED', "
                    + "sync_error = NULL, next_sync_at = NULL, done_at = CASE WHEN ? = 'DONE' THEN COALESCE(done_at, ?) "
                    + "ELSE NULL END, updated_at = ? WHERE id = ?", updates);
        }
        return new int[] {updates.size(), adopted[0]};
    }

    /** Applies one issue's status (from the webhook). True when a task of ours was found. */
    public boolean apply(JiraClient.Issue issue) {
        return applyPage(List.of(issue))[0] > 0 || taskId(issue).isPresent();
    }

    Optional<Long> taskId(JiraClient.Issue issue) {
        for (String label : issue.labels()) {
            if (label.startsWith("cf-task-")) {
                try {
                    return Optional.of(Long.parseLong(label.substring("cf-task-".length())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        List<Long> byKey = jdbc.queryForList("SELECT id FROM cf_demand_task WHERE jira_key = ?", Long.class, issue.key());
        return byKey.stream().findFirst();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > 500 ? message.substring(0, 499) + "…" : message;
    }
}
