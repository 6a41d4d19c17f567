package io.clearflow.engine.security;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for bots and integrations. The token is shown once when issued; only its SHA-256
 * hash is stored (a token is 256 random bits, so a salted slow hash adds nothing).
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "cf_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record TokenInfo(long id, String userId, String name, String prefix, Instant createdAt,
                            Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    public record IssuedToken(TokenInfo info, String token) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiTokenService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(String userId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException("a token needs a name of at most 100 characters",
                    Map.of("name", "required, at most 100 characters"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO cf_api_token (user_id, name, token_hash, token_prefix, created_at) VALUES (?,?,?,?,?)",
                userId, name.strip(), hash(token), token.substring(0, 8), Timestamp.from(now));
        long id = jdbc.queryForObject("SELECT id FROM cf_api_token WHERE token_hash = ?", Long.class, hash(token));
        return new IssuedToken(new TokenInfo(id, userId, name.strip(), token.substring(0, 8), now, null, null), token);
    }

    /** The user a live token belongs to; records its use. */
    @Transactional
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        List<String> users = jdbc.queryForList(
                "SELECT user_id FROM cf_api_token WHERE token_hash = ? AND revoked_at IS NULL", String.class, hash);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE cf_api_token SET last_used_at = ? WHERE token_hash = ?", Timestamp.from(clock.instant()), hash);
        return Optional.of(users.get(0));
    }

    public List<TokenInfo> tokens(String userId) {
        return jdbc.query("SELECT * FROM cf_api_token WHERE user_id = ? ORDER BY id", (rs, i) -> new TokenInfo(
                rs.getLong("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("token_prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at"))), userId);
    }

    @Transactional
    public void revoke(String userId, long tokenId) {
        int updated = jdbc.update("UPDATE cf_api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), tokenId, userId);
        if (updated == 0) {
            throw new NotFoundException("active token", String.valueOf(tokenId));
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
