package io.clearflow.mining.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxLogs       imported logs kept in memory; the least recently used one is dropped from memory
 *                      (its file stays and is re-imported on the next request)
 * @param maxEvents     events kept in memory over all logs; also the largest log one import may hold
 * @param maxUploadSize largest uploaded file; must not exceed {@code spring.servlet.multipart.max-file-size}
 *                      to take effect, which refuses bigger ones first
 * @param defaultSla    case duration above which the bottleneck analysis reports a case as over its SLA
 */
@Validated
@ConfigurationProperties("clearflow.mining")
public record MiningProperties(@Min(1) Integer maxLogs, @Min(1) Integer maxEvents, DataSize maxUploadSize,
                               @NotNull Duration defaultSla) {

    public MiningProperties {
        maxLogs = maxLogs == null ? 20 : maxLogs;
        maxEvents = maxEvents == null ? 5_000_000 : maxEvents;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(20) : maxUploadSize;
        defaultSla = defaultSla == null ? Duration.ofDays(7) : defaultSla;
    }
}
