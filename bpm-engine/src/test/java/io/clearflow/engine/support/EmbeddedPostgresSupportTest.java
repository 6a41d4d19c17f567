package io.clearflow.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.support.EmbeddedPostgresSupport.Database;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A bare JDBC context, so the check of the support itself costs a second, not an engine start. */
@SpringBootTest(classes = EmbeddedPostgresSupportTest.JdbcOnly.class)
class EmbeddedPostgresSupportTest {

    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    static class JdbcOnly {
    }

    static Database database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = EmbeddedPostgresSupport.register(registry);
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    void theContextRunsOnItsOwnEmptyPostgresDatabase() {
        // application.yml points at an H2 file: the registered properties must win over it
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(database.name());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
                Integer.class)).isZero();
    }

    @Test
    void everyDatabaseIsNewButTheServerIsShared() {
        Database first = EmbeddedPostgresSupport.newDatabase("other");
        Database second = EmbeddedPostgresSupport.newDatabase("other");

        assertThat(first.name()).isNotEqualTo(second.name()).isNotEqualTo(database.name());
        assertThat(first.url()).startsWith("jdbc:postgresql://localhost:" + EmbeddedPostgresSupport.server().getPort() + "/");
        assertThat(jdbc.queryForList("SELECT datname FROM pg_database", String.class))
                .contains(first.name(), second.name(), database.name());
    }

    @Test
    void commitsWaitForTheDiskOnlyWhereAskedFor() throws Exception {
        Database durable = EmbeddedPostgresSupport.durableCommits(EmbeddedPostgresSupport.newDatabase("durable"));

        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("off");
        try (var connection = DriverManager.getConnection(durable.url(), durable.username(), durable.password());
             var result = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void onlyTheDataSourceIsRegistered() {
        Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
        Database registeredDatabase = EmbeddedPostgresSupport.register(registered::put);

        assertThat(registered).containsOnlyKeys("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password");
        assertThat(registered.get("spring.datasource.url").get()).isEqualTo(registeredDatabase.url());
        assertThat(registered.get("spring.datasource.username").get()).isEqualTo(EmbeddedPostgresSupport.USER);
    }
}
