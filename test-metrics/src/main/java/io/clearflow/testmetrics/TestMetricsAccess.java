package io.clearflow.testmetrics;

/**
 * Who may do what ({@code @PreAuthorize} expressions). Readers: testers, IT managers, developers, QC and
 * administrators. Uploaders: testers, developers, bots (CI with a token) and administrators; IT managers
 * and QC read but do not upload evidence. Gates may also be asked by bots (the CI pipeline).
 */
public final class TestMetricsAccess {

    public static final String READ = "hasAnyRole('TESTER', 'IT_MANAGER', 'DEVELOPER', 'QC', 'ADMIN')";
    public static final String UPLOAD = "hasAnyRole('TESTER', 'DEVELOPER', 'BOT', 'ADMIN')";
    /** Maturity assessors: testers and IT managers (and administrators); everyone who reads sees the results. */
    public static final String ASSESS = "hasAnyRole('TESTER', 'IT_MANAGER', 'ADMIN')";
    public static final String GATE = "hasAnyRole('TESTER', 'IT_MANAGER', 'DEVELOPER', 'QC', 'ADMIN', 'BOT')";

    private TestMetricsAccess() {
    }
}
