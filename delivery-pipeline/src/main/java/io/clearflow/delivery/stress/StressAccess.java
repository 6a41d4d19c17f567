package io.clearflow.delivery.stress;

import io.clearflow.delivery.DeliveryAccess;

/**
 * Who may do what in stress tests. The platform has no infrastructure-group role: the seed's infrastructure group
 * (test environment, load tools, execution) is the tester role here; the trading-system ops group is ops.
 */
final class StressAccess {

    static final String READ = DeliveryAccess.READ;
    /** The development group requests stress tests of its versions. */
    static final String REQUEST = "hasAnyRole('DEVELOPER', 'ADMIN')";
    /** Plan, design, execute, report: the infrastructure group. */
    static final String INFRA = "hasAnyRole('TESTER', 'ADMIN')";
    /** Results come from the infrastructure group's runs, or from ops' verification runs. */
    static final String RESULTS = "hasAnyRole('TESTER', 'OPS', 'ADMIN')";
    /** Confirming reports and the production verification: ops. */
    static final String OPS = "hasRole('OPS')";
    /** A system's peaks and thresholds: ops and IT managers. */
    static final String PEAKS = "hasAnyRole('OPS', 'IT_MANAGER', 'ADMIN')";

    private StressAccess() {
    }
}
