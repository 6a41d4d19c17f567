package io.clearflow.engine.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_idempotency_key}. */
@Repository
class IdempotencyRepository {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";

    private final JdbcTemplate jdbc;

    IdempotencyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as stored: its request's fingerprint, whether its answer is there yet, and the answer. */
    record KeyRecord(String fingerprint, String state, Instant claimedAt, StoredResponse response) {
        boolean done() {
            return DONE.equals(state);
        }
    }

    Optional<KeyRecord> find(String user, String key) {
        List<KeyRecord> found = jdbc.query("SELECT * FROM cf_idempotency_key WHERE user_id = ? AND idem_key = ?",
                IdempotencyRepository::row, user, key);
        return found.stream().findFirst();
    }

    /** Registers a key not seen before, in its own short transaction; false when it exists already. */
    boolean claim(String user, String key, String fingerprint, Instant claimedAt, Instant expiresAt) {
        try {
            jdbc.update("INSERT INTO cf_idempotency_key (user_id, idem_key, fingerprint, state, claimed_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", user, key, fingerprint, PENDING, Timestamp.from(claimedAt),
                    Timestamp.from(expiresAt));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Locks the key for the rest of the caller's transaction, unless a request running elsewhere holds it: then empty,
     * at once and without waiting. A request holds its key's lock until its business change commits or rolls back, so a
     * key that is {@code PENDING} and free belongs to a request that changed nothing (refused, failed, or its node or
     * database went away) and may be run again.
     */
    Optional<KeyRecord> lockIfFree(String user, String key) {
        List<KeyRecord> found = jdbc.query("SELECT * FROM cf_idempotency_key WHERE user_id = ? AND idem_key = ?"
                + " FOR UPDATE SKIP LOCKED", IdempotencyRepository::row, user, key);
        return found.stream().findFirst();
    }

    /** A free pending key taken by a request with another payload: its earlier request never took effect. */
    void refingerprint(String user, String key, String fingerprint) {
        jdbc.update("UPDATE cf_idempotency_key SET fingerprint = ? WHERE user_id = ? AND idem_key = ? AND state = ?",
                fingerprint, user, key, PENDING);
    }

    /** Keeps the answer; run in the business change's own transaction, so both commit or neither. */
    void complete(String user, String key, StoredResponse response) {
        jdbc.update("UPDATE cf_idempotency_key SET state = ?, status = ?, content_type = ?, location = ?, body = ?"
                + " WHERE user_id = ? AND idem_key = ?", DONE, response.status(), response.contentType(),
                response.location(), response.body(), user, key);
    }

    int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM cf_idempotency_key WHERE expires_at < ?", Timestamp.from(now));
    }

    private static KeyRecord row(ResultSet rs, int i) throws SQLException {
        String state = rs.getString("state");
        StoredResponse response = DONE.equals(state) ? new StoredResponse(rs.getInt("status"), rs.getString("content_type"),
                rs.getString("location"), rs.getBytes("body")) : null;
        return new KeyRecord(rs.getString("fingerprint"), state, rs.getTimestamp("claimed_at").toInstant(), response);
    }
}
