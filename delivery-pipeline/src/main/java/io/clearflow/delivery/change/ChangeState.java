package io.clearflow.delivery.change;

/** Where a change request is. */
public enum ChangeState {
    /** waiting for its approvals (an emergency change: for its one emergency approval) */
    APPROVING,
    /** may be deployed (an emergency change may still be collecting approvals afterwards) */
    APPROVED,
    REJECTED,
    /** its production deployment is queued or running */
    DEPLOYING,
    /** deployed; ops verify in production and close it */
    DEPLOYED,
    /** the deployment failed; the deployment flow handles incident and rollback */
    FAILED,
    CLOSED
}
