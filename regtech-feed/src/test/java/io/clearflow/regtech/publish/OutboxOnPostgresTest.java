package io.clearflow.regtech.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox statements on a real PostgreSQL: unsent rows in id order, locked (LIMIT … FOR UPDATE)
 * so a second relay in another transaction skips nothing and sends nothing twice, and marked sent.
 */
class OutboxOnPostgresTest {

    @Test
    void unsentRowsAreLockedInOrderAndMarkedSent() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/regtech").table("flyway_regtech").load().migrate();
            OutboxRepository outbox = new OutboxRepository(new JdbcTemplate(ds));
            Instant now = Instant.parse("2026-12-06T10:00:00Z");
            for (long item = 1; item <= 5; item++) {
                outbox.insert(item, "created", "{\"id\":" + item + "}", now);
            }
            outbox.insert(2, "reclassified", "{\"id\":2}", now);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

            List<OutboxRepository.Row> first = tx.execute(s -> {
                List<OutboxRepository.Row> rows = outbox.lockUnsent(4);
                outbox.markSent(rows.stream().map(OutboxRepository.Row::id).toList(), now);
                return rows;
            });
            assertThat(first).extracting(OutboxRepository.Row::itemId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(outbox.unsent()).isEqualTo(2);
            List<OutboxRepository.Row> rest = tx.execute(s -> outbox.lockUnsent(10));
            assertThat(rest).extracting(OutboxRepository.Row::itemId).containsExactly(5L, 2L);
            assertThat(rest).extracting(OutboxRepository.Row::type).containsExactly("created", "reclassified");
            assertThat(rest.get(0).payload()).isEqualTo("{\"id\":5}");
            assertThat(rest.get(0).createdAt()).isEqualTo(now);
            // the notice queue's lock statement runs on PostgreSQL too
            new JdbcTemplate(ds).update("insert into cf_reg_notice_pending (item_id) values (7), (3)");
            List<Long> pending = tx.execute(s -> new JdbcTemplate(ds).queryForList(
                    "select item_id from cf_reg_notice_pending order by item_id for update", Long.class));
            assertThat(pending).containsExactly(3L, 7L);
        }
    }
}
