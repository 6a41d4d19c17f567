package io.clearflow.delivery.cockpit;

import java.time.Instant;

/**
 * One version's path through delivery, as {@code del_cockpit_flow} keeps it: when each hand-off first happened
 * (null when it has not), its production deployments and defects.
 *
 * @param passed          a test submission of the version passed (the tester's verdict)
 * @param changeApprovedAt when the first change of the version had all its approvals (the last approval needed)
 * @param deployedAt      the first succeeded production deployment
 * @param hasChange       a change (变更单) was raised for the version
 */
record FlowRow(long versionId, String system, String department, String label, Instant createdAt, String createdBy,
               boolean hasArtifact, Instant submittedAt, Instant acceptedAt, Instant verdictAt, boolean passed,
               Instant qcReviewedAt, Instant changeApprovedAt, Instant deployedAt, boolean hasChange,
               int prodDeployments, int prodFailed, int defects, int escapedDefects) {
}
