package io.clearflow.delivery.change;

import io.clearflow.engine.api.PlatformRole;
import java.time.Instant;

/**
 * One decision on a change.
 *
 * @param emergency   the emergency approval that let the change be deployed before the others
 * @param afterDeploy given after the change was deployed (emergency changes)
 */
public record Approval(long id, long changeId, PlatformRole role, String approver, boolean approved, boolean emergency,
                       boolean afterDeploy, String comment, Instant decidedAt) {
}
