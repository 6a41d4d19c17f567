package io.clearflow.cluster;

import io.clearflow.mining.store.MiningProperties;
import io.clearflow.regtech.publish.KafkaItemProperties;
import java.util.List;

/**
 * The topics the platform uses with the {@code kafka} profile, taken from the modules' own defaults: the event log's
 * outbox, process mining's ingestion and the regtech items. The platform creates none of them
 * ({@code spring.kafka.admin.auto-create=false}): whoever runs the broker does (compose's {@code kafka-init}).
 */
public final class KafkaTopics {

    public static final List<String> ALL = List.of(EventTopic.TOPIC, new MiningProperties.Ingest(null, null).topic(),
            new KafkaItemProperties(null, null, null).topic());

    private KafkaTopics() {
    }
}
