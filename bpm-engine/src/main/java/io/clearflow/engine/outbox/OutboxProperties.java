package io.clearflow.engine.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled     relay the event log to Kafka (the {@code kafka} profile turns it on)
 * @param topic       topic every event goes to; the key is the case id, so one case stays in one partition
 * @param batchSize   events sent per relay round
 * @param interval    pause between relay rounds
 * @param sendTimeout how long a round waits for the broker's acknowledgements before trying again later
 * @param gapTimeout  how long the relay waits for a missing log position to be committed before it
 *                    treats the position as rolled back and relays past it; longer than any commit
 *                    takes, or late commits are lost to Kafka
 */
@ConfigurationProperties("clearflow.outbox.kafka")
public record OutboxProperties(boolean enabled, String topic, int batchSize, Duration interval, Duration sendTimeout,
                               @DefaultValue("30s") Duration gapTimeout) {
}
