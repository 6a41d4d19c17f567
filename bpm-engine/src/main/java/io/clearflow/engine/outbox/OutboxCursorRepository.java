package io.clearflow.engine.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_outbox_cursor}: each relay's position in the event log, one row per relay. */
@Repository
class OutboxCursorRepository {

    private final JdbcTemplate jdbc;

    OutboxCursorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The relay's position as committed, without waiting for a transaction holding its lock; 0 before the first. */
    long position(String relay) {
        List<Long> cursor = jdbc.queryForList("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = ?", Long.class, relay);
        return cursor.isEmpty() ? 0 : cursor.get(0);
    }

    /**
     * The relay's position, its row locked until the caller's transaction ends (so two nodes never relay at once);
     * a relay without a row gets one at 0.
     */
    long lock(String relay, Instant now) {
        List<Long> cursor = jdbc.queryForList("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = ? FOR UPDATE",
                Long.class, relay);
        if (!cursor.isEmpty()) {
            return cursor.get(0);
        }
        jdbc.update("INSERT INTO cf_outbox_cursor (relay, last_event_id, updated_at) VALUES (?, 0, ?)",
                relay, Timestamp.from(now));
        return jdbc.queryForObject("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = ? FOR UPDATE", Long.class, relay);
    }

    void moveTo(String relay, long position, Instant at) {
        jdbc.update("UPDATE cf_outbox_cursor SET last_event_id = ?, updated_at = ? WHERE relay = ?",
                position, Timestamp.from(at), relay);
    }
}
