package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.change.DeliveryFlowApiTest} on a real PostgreSQL (embedded): the same migrations and SQL. */
class DeliveryFlowOnPostgresTest extends io.clearflow.delivery.change.DeliveryFlowApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
