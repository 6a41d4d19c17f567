package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.cockpit.CockpitApiTest} on a real PostgreSQL (embedded): V11 and the cockpit's SQL. */
class CockpitApiOnPostgresTest extends io.clearflow.delivery.cockpit.CockpitApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
