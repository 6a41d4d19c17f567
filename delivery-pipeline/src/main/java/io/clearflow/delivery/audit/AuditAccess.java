package io.clearflow.delivery.audit;

/**
 * Who may do what in code audits. Everybody in IT delivery reads ({@code DeliveryAccess.READ}); the audit is
 * the buyer's review of vendor code, run by developers (the reviewers), QC and IT managers; they also import
 * findings and suppress false positives. Bots upload packages and scanner logs.
 */
final class AuditAccess {

    static final String AUDIT = "hasAnyRole('DEVELOPER', 'QC', 'IT_MANAGER', 'ADMIN')";
    static final String UPLOAD = "hasAnyRole('DEVELOPER', 'QC', 'IT_MANAGER', 'BOT', 'ADMIN')";
    /** Signing an audit off: QC and IT managers, not the developers who reviewed. */
    static final String COMPLETE = "hasAnyRole('QC', 'IT_MANAGER', 'ADMIN')";

    private AuditAccess() {
    }
}
