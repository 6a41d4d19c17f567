package io.clearflow.testmetrics.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.testmetrics.maturity.AssessmentApiTest} on a real PostgreSQL (embedded): the same migrations and SQL. */
class AssessmentApiOnPostgresTest extends io.clearflow.testmetrics.maturity.AssessmentApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
