package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.audit.FunctionNetworkApiTest} on a real PostgreSQL (embedded). */
class FunctionNetworkApiOnPostgresTest extends io.clearflow.delivery.audit.FunctionNetworkApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
