package io.clearflow.regtech.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publication of items to Kafka ({@code clearflow.regtech.kafka.*}, active with the {@code kafka} profile).
 *
 * @param topic       topic of the item events; the key is the item id, so one item's events stay in order
 * @param batchSize   events sent per relay round
 * @param sendTimeout how long a round waits for the broker's acknowledgements before trying again later
 */
@ConfigurationProperties("clearflow.regtech.kafka")
public record KafkaItemProperties(String topic, Integer batchSize, Duration sendTimeout) {

    public KafkaItemProperties {
        topic = topic == null || topic.isBlank() ? "clearflow.regtech.items" : topic;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
