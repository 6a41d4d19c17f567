package io.clearflow.engine.security;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
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

    private final ApiTokenRepository tokens;
    private final Clock clock;

    @Autowired
    ApiTokenService(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Tokens on a database of one's own, without the application context (tests of other modules' token users). */
    public ApiTokenService(DataSource database, Clock clock) {
        this(ApiTokenRepository.on(database), clock);
    }

    @Transactional
    public IssuedToken issue(String userId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException("admin.error.tokenName", Map.of("name", "admin.error.nameField"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        long id = tokens.insert(userId, name.strip(), hash(token), token.substring(0, 8), now);
        return new IssuedToken(new TokenInfo(id, userId, name.strip(), token.substring(0, 8), now, null, null), token);
    }

    /** The user a live token belongs to; records its use. */
    @Transactional
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<String> user = tokens.activeUser(hash);
        user.ifPresent(u -> tokens.used(hash, clock.instant()));
        return user;
    }

    public List<TokenInfo> tokens(String userId) {
        return tokens.of(userId);
    }

    @Transactional
    public void revoke(String userId, long tokenId) {
        if (!tokens.revoke(userId, tokenId, clock.instant())) {
            throw new NotFoundException("active token", String.valueOf(tokenId));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
