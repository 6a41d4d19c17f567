package io.clearflow.engine.resilience;

import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health component {@code database}, part of the readiness group: {@code OUT_OF_SERVICE} while the database cannot
 * be reached, so a load balancer stops sending traffic to this node for the outage and sends it again afterwards, while
 * liveness stays up (restarting the node would not bring the database back).
 */
@Component("database")
class DatabaseReadiness implements HealthIndicator {

    /** Seconds to wait for the database's answer: a probe must answer faster than the balancer's own timeout. */
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return Health.up().build();
            }
            return Health.outOfService().withDetail("reason", "the database did not answer within " + VALIDATION_SECONDS + " s").build();
        } catch (Exception e) {
            return Health.outOfService().withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
