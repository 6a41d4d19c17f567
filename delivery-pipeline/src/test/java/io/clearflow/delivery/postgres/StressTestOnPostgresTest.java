package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.stress.StressTestApiTest} on a real PostgreSQL (embedded): V6 and its SQL. */
class StressTestOnPostgresTest extends io.clearflow.delivery.stress.StressTestApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
