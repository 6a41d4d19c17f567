package io.clearflow.delivery;

/**
 * Who may do what in delivery ({@code @PreAuthorize} expressions). Everybody in IT delivery reads; developers
 * create versions, upload artifacts and submit for test; testers accept and complete submissions; QC, ops, IT
 * managers (and compliance for compliance-relevant changes) approve changes; ops deploy. Bots (Jenkins, CI
 * with a token) register artifacts and report builds.
 */
public final class DeliveryAccess {

    public static final String READ = "hasAnyRole('DEVELOPER', 'TESTER', 'QC', 'OPS', 'IT_MANAGER', 'COMPLIANCE', 'ADMIN')";
    public static final String DEVELOP = "hasAnyRole('DEVELOPER', 'ADMIN')";
    public static final String UPLOAD = "hasAnyRole('DEVELOPER', 'BOT', 'ADMIN')";
    public static final String TEST = "hasAnyRole('TESTER', 'ADMIN')";
    /** QC's review of a submission after a passed exit (separation of duties is checked by the service and engine). */
    public static final String QC_REVIEW = "hasRole('QC')";
    /** Reading a version's Jira defects into test metrics: the people who test and fix them. */
    public static final String SYNC_DEFECTS = "hasAnyRole('TESTER', 'DEVELOPER', 'ADMIN')";
    public static final String APPROVE = "hasAnyRole('QC', 'OPS', 'IT_MANAGER', 'COMPLIANCE')";
    /** Raising a change (变更单): developers and ops; separation of duties keeps them from approving it. */
    public static final String RAISE_CHANGE = "hasAnyRole('DEVELOPER', 'OPS', 'ADMIN')";
    /**
     * Deciding on a change: APPROVE plus developers, so that a developer who tries is told why they may not
     * (separation of duties, 403 with its rule) rather than a bare refusal.
     */
    public static final String DECIDE = "hasAnyRole('QC', 'OPS', 'IT_MANAGER', 'COMPLIANCE', 'DEVELOPER')";
    public static final String DEPLOY = "hasAnyRole('OPS', 'ADMIN')";
    /** Deploying a promoted artifact outside a change: dev and test by ops and developers, staging by ops only. */
    public static final String DEPLOY_DIRECT = "hasAnyRole('OPS', 'DEVELOPER', 'ADMIN')";
    /** Rolling a failed deployment back: ops only. */
    public static final String ROLLBACK = "hasRole('OPS')";

    private DeliveryAccess() {
    }
}
