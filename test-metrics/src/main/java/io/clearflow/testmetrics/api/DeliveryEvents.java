package io.clearflow.testmetrics.api;

import java.time.Instant;
import java.util.List;

/**
 * Production delivery events that DORA metrics are computed from. The delivery module feeds them (a
 * deployment when it reaches production, the changes it shipped, incidents and their recovery); inserts
 * or updates by key, so re-sending an event is harmless.
 */
public interface DeliveryEvents {

    /**
     * @param succeeded false when the deployment failed or needed remediation (DORA's "change failure")
     * @param rework    an unplanned deployment to fix a problem in production (DORA 2024 rework rate)
     */
    record Deployment(String system, String key, String version, Instant deployedAt, boolean succeeded, boolean rework) {
    }

    /** @param deploymentKey the production deployment that shipped the change, null until shipped */
    record Change(String system, String key, Instant firstCommitAt, String deploymentKey) {
    }

    /** @param causedBy key of the failed deployment it came from, if known; {@code restoredAt} null while open */
    record Incident(String system, String key, Instant startedAt, Instant restoredAt, String causedBy) {
    }

    void record(List<Deployment> deployments, List<Change> changes, List<Incident> incidents);

    /** DORA metrics of a system over the {@code days} before {@code until}. */
    DoraReport dora(String system, Instant until, int days);
}
