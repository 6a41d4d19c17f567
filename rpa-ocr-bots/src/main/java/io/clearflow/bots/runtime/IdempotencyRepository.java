package io.clearflow.bots.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code rpa_idempotency}: results recorded under a job's idempotency key (or key and effect). */
final class IdempotencyRepository {

    private final JdbcTemplate jdbc;

    IdempotencyRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<String> result(String key) {
        return jdbc.queryForList("SELECT result FROM rpa_idempotency WHERE idem_key = ?", String.class, key).stream().findFirst();
    }

    /** Inserts the record; false when the key is recorded already (another worker was first). */
    boolean insert(String key, String bot, String result, Instant recordedAt) {
        try {
            jdbc.update("INSERT INTO rpa_idempotency (idem_key, bot_name, result, recorded_at) VALUES (?,?,?,?)",
                    key, bot, result, Timestamp.from(recordedAt));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
