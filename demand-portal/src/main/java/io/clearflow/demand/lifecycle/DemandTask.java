package io.clearflow.demand.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A development task a demand was split into (table cf_demand_task). With Jira configured it is
 * mirrored by one Jira issue, and {@code syncState} says how far that got.
 */
public record DemandTask(long id, long demandId, String title, BigDecimal estimateDays, BigDecimal actualDays,
                         LocalDate dueDate, Instant doneAt, Status status, String jiraKey, String jiraStatus,
                         SyncState syncState, int syncAttempts, String syncError, Instant nextSyncAt) {

    /** Tracking state of a task, whether kept here or mapped from Jira's workflow. */
    public enum Status { TODO, IN_PROGRESS, DONE }

    /**
     * LOCAL: tracked here only (Jira not configured). PENDING: the Jira issue is still to be created.
     * SYNCING: one node is creating it now (a lease until next_sync_at, so a crashed node's work is
     * picked up again). RETRYING: creating it failed (Jira down, rate limited) and will be retried.
     * SYNCED: linked to its Jira issue. FAILED: Jira refused it for good (bad configuration or
     * credentials); an administrator must act.
     */
    public enum SyncState { LOCAL, PENDING, SYNCING, RETRYING, SYNCED, FAILED }

    public boolean onTime() {
        return doneAt != null && dueDate != null
                && !doneAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(dueDate);
    }
}
