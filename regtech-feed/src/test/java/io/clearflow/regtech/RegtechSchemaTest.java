package io.clearflow.regtech;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The module's migrations run on H2 and on a real PostgreSQL, and seed every regulator disabled. */
class RegtechSchemaTest {

    private static List<String> migrateAndReadSources(javax.sql.DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/regtech").table("flyway_regtech").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject("select count(*) from cf_reg_source where enabled", Integer.class))
                .as("no seeded source polls before an administrator enables it").isZero();
        return jdbc.queryForList("select code from cf_reg_source order by id", String.class);
    }

    private static final List<String> SEEDED = List.of("sec", "finra", "fca", "eba", "esma", "hkma", "bis", "fsb",
            "csrc", "pboc", "sse", "szse", "csdc");

    @Test
    void migratesOnH2() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:regschema;DB_CLOSE_DELAY=-1", "sa", "");
        assertThat(migrateAndReadSources(ds)).containsExactlyElementsOf(SEEDED);
    }

    @Test
    void migratesOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            assertThat(migrateAndReadSources(pg.getPostgresDatabase())).containsExactlyElementsOf(SEEDED);
        }
    }
}
