package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.project.staff.StaffApiTest} on a real PostgreSQL (embedded): the pool's SQL and allocation. */
class StaffApiOnPostgresTest extends io.clearflow.delivery.project.staff.StaffApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
