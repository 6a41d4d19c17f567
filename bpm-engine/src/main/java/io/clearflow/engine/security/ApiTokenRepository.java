package io.clearflow.engine.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_api_token}: tokens are found by the hash of their secret, never by the secret. */
@Repository
class ApiTokenRepository {

    private final JdbcTemplate jdbc;

    ApiTokenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Outside the application context: {@link ApiTokenService}'s constructor for other modules' tests. */
    static ApiTokenRepository on(DataSource database) {
        return new ApiTokenRepository(new JdbcTemplate(database));
    }

    /** The new token's id. */
    long insert(String userId, String name, String hash, String prefix, Instant at) {
        jdbc.update("INSERT INTO cf_api_token (user_id, name, token_hash, token_prefix, created_at) VALUES (?,?,?,?,?)",
                userId, name, hash, prefix, Timestamp.from(at));
        return jdbc.queryForObject("SELECT id FROM cf_api_token WHERE token_hash = ?", Long.class, hash);
    }

    /** The user of a token that is not revoked. */
    Optional<String> activeUser(String hash) {
        return jdbc.queryForList("SELECT user_id FROM cf_api_token WHERE token_hash = ? AND revoked_at IS NULL",
                String.class, hash).stream().findFirst();
    }

    void used(String hash, Instant at) {
        jdbc.update("UPDATE cf_api_token SET last_used_at = ? WHERE token_hash = ?", Timestamp.from(at), hash);
    }

    /** By id. */
    List<ApiTokenService.TokenInfo> of(String userId) {
        return jdbc.query("SELECT * FROM cf_api_token WHERE user_id = ? ORDER BY id", (rs, i) -> new ApiTokenService.TokenInfo(
                rs.getLong("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("token_prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at"))), userId);
    }

    /** Whether there was an active token of this user to revoke. */
    boolean revoke(String userId, long tokenId, Instant at) {
        return jdbc.update("UPDATE cf_api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                Timestamp.from(at), tokenId, userId) > 0;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
