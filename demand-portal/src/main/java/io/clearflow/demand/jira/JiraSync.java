package io.clearflow.demand.jira;

import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.demand.lifecycle.DemandTask;
import io.clearflow.demand.lifecycle.DemandTaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
    private final DemandTaskRepository tasks;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;
    private final TaskStatusMapping mapping;

    public JiraSync(JiraProperties properties, ObjectProvider<JiraClient> client, DemandTaskRepository tasks,
                    WebhookDeliveryRepository deliveries, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.tasks = tasks;
        this.deliveries = deliveries;
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
        for (long id : tasks.unsynced(demandId)) {
            if (!ensureIssue(id) && jiraDown(id)) {
                // Jira is down: do not make the person who split wait for every other task too
                tasks.deferPending(demandId, clock.instant().plus(properties.retryInterval()),
                        "not tried: Jira was unavailable for an earlier task");
                return;
            }
        }
    }

    private boolean jiraDown(long taskId) {
        return tasks.syncState(taskId).filter(s -> s == DemandTask.SyncState.RETRYING).isPresent();
    }

    @Scheduled(initialDelayString = "${clearflow.demand.jira.retry-interval:PT30S}",
            fixedDelayString = "${clearflow.demand.jira.retry-interval:PT30S}")
    public void retryDue() {
        if (!enabled()) {
            return;
        }
        tasks.dueForSync(clock.instant()).forEach(this::ensureIssue);
    }

    /** Links one task to its Jira issue, creating it unless it already exists. True when linked. */
    public boolean ensureIssue(long taskId) {
        Instant now = clock.instant();
        if (!tasks.lease(taskId, now, now.plus(LEASE))) {
            return false; // linked already, or another node holds it, or not due yet
        }
        DemandTaskRepository.IssueSource task = tasks.issueSource(taskId);
        long demandId = task.demandId();
        int attempts = task.syncAttempts() + 1;
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
                String description = "ClearFlow DEM-" + demandId + ": " + task.demandTitle() + "\n\n"
                        + task.demandDescription();
                key = jira.createIssue(new JiraClient.NewIssue(String.valueOf(task.title()),
                        description.length() > 30_000 ? description.substring(0, 30_000) : description,
                        List.of(LABEL, "cf-demand-" + demandId, taskLabel(taskId)), "DEM-" + demandId)).key();
            }
            tasks.linked(taskId, key, status, attempts, clock.instant());
            return true;
        } catch (JiraException.Unavailable e) {
            Duration delay = properties.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 5));
            Instant failedAt = clock.instant();
            tasks.retryLater(taskId, attempts, abbreviate(e.getMessage()), failedAt.plus(delay), failedAt);
            log.warn("Jira unavailable for task {} (attempt {}), retrying in {}: {}", taskId, attempts, delay, e.getMessage());
        } catch (JiraException e) {
            tasks.failed(taskId, attempts, abbreviate(e.getMessage()), clock.instant());
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
        Map<Long, DemandTaskRepository.Tracking> stored = tasks.tracking(byTask.keySet());
        List<DemandTaskRepository.FromJira> updates = new ArrayList<>();
        int[] adopted = {0};
        stored.values().forEach(row -> {
            JiraClient.Issue issue = byTask.get(row.taskId());
            DemandTask.Status status = mapping.map(issue.status(), issue.statusCategory()).orElse(row.status());
            boolean linked = issue.key().equals(row.jiraKey());
            if (!linked) {
                adopted[0]++;
            }
            if (!linked || status != row.status() || !java.util.Objects.equals(issue.status(), row.jiraStatus())) {
                updates.add(new DemandTaskRepository.FromJira(row.taskId(), issue.key(), issue.status(), status));
            }
        });
        tasks.applyFromJira(updates, clock.instant());
        return new int[] {updates.size(), adopted[0]};
    }

    /**
     * Applies one webhook delivery once: the delivery is recorded in the same transaction as the change, so a replay
     * changes nothing. Empty for a delivery seen before; else whether a task of ours was found. A delivery recorded
     * concurrently by another request fails the insert ({@code DuplicateKeyException}) and rolls back.
     */
    @Transactional
    public Optional<Boolean> applyOnce(String delivery, JiraClient.Issue issue) {
        if (deliveries.seen(delivery)) {
            return Optional.empty();
        }
        deliveries.record(delivery, clock.instant());
        return Optional.of(issue != null && apply(issue));
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
        return tasks.byJiraKey(issue.key());
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > 500 ? message.substring(0, 499) + "…" : message;
    }
}
