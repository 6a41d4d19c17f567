package io.clearflow.delivery.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.delivery.audit.ReviewerApiTest} on a real PostgreSQL (embedded). */
class ReviewerApiOnPostgresTest extends io.clearflow.delivery.audit.ReviewerApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
