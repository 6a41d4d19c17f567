package io.clearflow.bots.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code rpa_bot_state}: the pause flag per bot; a bot without a row is not paused. */
final class BotStateRepository {

    private final JdbcTemplate jdbc;

    BotStateRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    boolean paused(String bot) {
        return jdbc.queryForList("SELECT paused FROM rpa_bot_state WHERE bot_name = ?", Boolean.class, bot).stream()
                .findFirst().orElse(false);
    }

    void save(String bot, boolean paused, Instant at, String by) {
        int updated = jdbc.update("UPDATE rpa_bot_state SET paused = ?, updated_at = ?, updated_by = ? WHERE bot_name = ?",
                paused, Timestamp.from(at), by, bot);
        if (updated == 0) {
            jdbc.update("INSERT INTO rpa_bot_state (bot_name, paused, updated_at, updated_by) VALUES (?,?,?,?)",
                    bot, paused, Timestamp.from(at), by);
        }
    }
}
