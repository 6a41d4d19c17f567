package io.clearflow.engine.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled     relay the event log to Kafka (the {@code kafka} profile turns it on)
 * @param topic       topic every event goes to; the key is the case id, so one case stays in one partition
 * @param batchSize   events sent per relay round
 * @param interval    pause between relay rounds
 * @param sendTimeout how long a round waits for the broker's acknowledgements before trying again later
 */
@ConfigurationProperties("clearflow.outbox.kafka")
public record OutboxProperties(boolean enabled, String topic, int batchSize, Duration interval, Duration sendTimeout) {
}
