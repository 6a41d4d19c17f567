package io.clearflow.delivery.change;

import io.clearflow.engine.api.PlatformRole;
import java.time.Instant;
import java.util.List;

/**
 * A change request (变更单) to production.
 *
 * @param key               readable key, e.g. {@code CHG-2026-000012}
 * @param requiredRoles     the roles whose approval it needs
 * @param approvalsComplete every required role has approved (an emergency change is shown red until then)
 */
public record Change(long id, String key, long testSubmissionId, long versionId, long artifactId, String system,
                     boolean critical, ChangeState state, String risk, String window, String rollbackPlan,
                     String deploymentSteps, List<String> affectedSystems, boolean complianceRelevant, boolean emergency,
                     List<PlatformRole> requiredRoles, boolean approvalsComplete, Instant firstCommitAt, String caseId,
                     String submittedBy, Instant submittedAt, Long deploymentId, Instant deployedAt, String closedBy,
                     Instant closedAt, String closeComment) {

    public Change {
        affectedSystems = List.copyOf(affectedSystems);
        requiredRoles = List.copyOf(requiredRoles);
    }

    /** Shown red: an emergency change still waiting for approvals it took the short path around. */
    @com.fasterxml.jackson.annotation.JsonProperty("alarming")
    public boolean alarming() {
        return emergency && !approvalsComplete && state != ChangeState.REJECTED;
    }
}
