package io.clearflow.testmetrics.postgres;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link io.clearflow.testmetrics.maturity.MaturityAssessmentApiTest} on a real PostgreSQL (embedded): the same migrations and SQL. */
class MaturityAssessmentApiOnPostgresTest extends io.clearflow.testmetrics.maturity.MaturityAssessmentApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
