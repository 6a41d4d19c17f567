package io.clearflow.delivery.execution.runner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded runner ({@code clearflow.delivery.runner.*}).
 *
 * @param threads        deployments run at the same time; further orders wait in the queue (none is dropped)
 * @param timeout        total time of one deployment when its environment sets no {@code timeout}
 * @param outputInterval how often the tail of a running deployment's log is reported
 * @param folder         where the per-deployment working folders go; relative = under {@code clearflow.data-dir}
 * @param maxLog         the most output one deployment may write; a step writing more is killed (keeps a runaway
 *                       step from filling the data folder's disk)
 */
@Validated
@ConfigurationProperties("clearflow.delivery.runner")
public record RunnerProperties(@Min(1) @Max(64) Integer threads, Duration timeout, Duration outputInterval,
                               String folder, DataSize maxLog) {

    public RunnerProperties {
        threads = threads == null ? 2 : threads;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
        outputInterval = outputInterval == null ? Duration.ofSeconds(2) : outputInterval;
        folder = folder == null || folder.isBlank() ? "delivery/runner" : folder;
        maxLog = maxLog == null ? DataSize.ofMegabytes(100) : maxLog;
    }

    /** The defaults. */
    public static RunnerProperties defaults() {
        return new RunnerProperties(null, null, null, null, null);
    }
}
