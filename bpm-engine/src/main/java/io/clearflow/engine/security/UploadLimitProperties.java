package io.clearflow.engine.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Concurrent uploads per client ({@code clearflow.security.uploads.*}); see {@link UploadConcurrencyFilter}.
 *
 * @param maxConcurrent multipart requests one client (user, or address before sign-in) may have running at once
 * @param retryAfter    what {@code Retry-After} tells a refused client: about how long an upload takes here
 */
@ConfigurationProperties("clearflow.security.uploads")
record UploadLimitProperties(@DefaultValue("2") int maxConcurrent, @DefaultValue("5s") Duration retryAfter) {

    UploadLimitProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("clearflow.security.uploads.max-concurrent must be at least 1");
        }
    }
}
