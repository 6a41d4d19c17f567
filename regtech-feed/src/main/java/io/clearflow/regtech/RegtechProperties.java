package io.clearflow.regtech;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Regulatory feed settings ({@code clearflow.regtech.*}).
 *
 * @param allowPrivateAddresses let sources point at loopback, private, link-local and metadata addresses (off: the SSRF guard refuses them)
 * @param allowedHosts          host names (or literal addresses) exempt from the SSRF guard, e.g. an intranet mirror
 * @param connectTimeout        TCP connect timeout per request
 * @param readTimeout           time allowed for one whole response
 * @param maxBytes              largest document read from a source
 * @param maxRedirects          redirects followed per fetch (each target checked by the guard)
 * @param proxy                 {@code host:port} of a corporate HTTP proxy, empty for direct connections
 * @param userAgent             User-Agent header sent to regulators
 * @param scheduler             poll enabled sources on their schedule
 * @param seedHistory           seed the 2024 tracker items (seed §(f)) on first start
 * @param newsExpiry            how long news-like items live before they are archived (retention rule)
 * @param topics                topic id → keywords (Chinese and English); replaces the built-in dictionary when set
 * @param topicDepartments      topic id → departments whose processes it usually touches
 */
@Validated
@ConfigurationProperties("clearflow.regtech")
public record RegtechProperties(Boolean allowPrivateAddresses, List<String> allowedHosts, Duration connectTimeout,
                                Duration readTimeout, DataSize maxBytes, @Min(0) @Max(10) Integer maxRedirects,
                                String proxy, String userAgent, Boolean scheduler, Boolean seedHistory,
                                Duration newsExpiry, Map<String, List<String>> topics,
                                Map<String, List<String>> topicDepartments) {

    public RegtechProperties {
        allowPrivateAddresses = Boolean.TRUE.equals(allowPrivateAddresses);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(5) : maxBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        proxy = proxy == null || proxy.isBlank() ? null : proxy.strip();
        userAgent = userAgent == null || userAgent.isBlank() ? "ClearFlow-Regtech/1.0" : userAgent;
        scheduler = scheduler == null || scheduler;
        seedHistory = seedHistory == null || seedHistory;
        newsExpiry = newsExpiry == null ? Duration.ofDays(90) : newsExpiry;
        topics = topics == null || topics.isEmpty() ? io.clearflow.regtech.item.TopicDictionary.DEFAULT_TOPICS : Map.copyOf(topics);
        topicDepartments = topicDepartments == null || topicDepartments.isEmpty()
                ? io.clearflow.regtech.item.TopicDictionary.DEFAULT_DEPARTMENTS : Map.copyOf(topicDepartments);
    }

    /** Settings for tests and tools: defaults, with the guard open or closed. */
    public static RegtechProperties defaults(boolean allowPrivate) {
        return new RegtechProperties(allowPrivate, null, null, null, null, null, null, null, false, false, null, null, null);
    }
}
