package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConcurrentCompletionOnPostgresTest extends ConcurrentCompletionScenario {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired DataSource dataSource;

    @Test
    void runsOnPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
