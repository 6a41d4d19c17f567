package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.audit.AuditApiTest} on a real PostgreSQL (embedded): V7 and the audit's SQL. */
class AuditApiOnPostgresTest extends io.clearflow.delivery.audit.AuditApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
