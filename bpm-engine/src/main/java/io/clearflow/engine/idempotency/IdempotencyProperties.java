package io.clearflow.engine.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys ({@code clearflow.idempotency.*}).
 *
 * @param retention       how long a key and its answer are kept: a retry later than this runs again
 * @param cleanupInterval pause between deletions of expired keys
 * @param maxBodySize     largest non-multipart body fingerprinted; larger requests with a key are refused (413)
 */
@ConfigurationProperties("clearflow.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("15m") Duration cleanupInterval,
                             @DefaultValue("2MB") org.springframework.util.unit.DataSize maxBodySize) {
}
