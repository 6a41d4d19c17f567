package io.clearflow.testmetrics.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.testmetrics.plan.PlanApiTest} on a real PostgreSQL (embedded): the same migrations and SQL. */
class PlanApiOnPostgresTest extends io.clearflow.testmetrics.plan.PlanApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
