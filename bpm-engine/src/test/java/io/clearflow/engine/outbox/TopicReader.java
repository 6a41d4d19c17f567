package io.clearflow.engine.outbox;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the events topic the way an outside system would: a plain KafkaConsumer on every partition
 * from the beginning, keeping everything it has seen in arrival order. Partitions are assigned, not
 * subscribed, so no group rebalance delays the first records.
 */
final class TopicReader implements AutoCloseable {

    static final String TOPIC = "clearflow.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as received: the Kafka key and partition and the parsed CloudEvents envelope. */
    record Received(String key, int partition, JsonNode envelope) {
        String id() {
            return envelope.path("id").asText();
        }

        String subject() {
            return envelope.path("subject").asText(null);
        }

        String sequence() {
            return envelope.path("sequence").asText();
        }

        long position() {
            return Long.parseLong(sequence());
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    TopicReader(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for everything received so far; fails after {@code timeout}. */
    List<Received> pollUntil(Predicate<List<Received>> done, Duration timeout) {
        // KafkaConsumer is single-threaded: Awaitility must evaluate on this thread
        await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                received.add(new Received(r.key(), r.partition(), parse(r.value())));
            }
            return done.test(received);
        });
        return List.copyOf(received);
    }

    /** Polls until every given case has at least the given number of distinct events on the topic. */
    List<Received> pollUntilComplete(Map<String, Integer> expectedPerCase, Duration timeout) {
        return pollUntil(all -> expectedPerCase.entrySet().stream()
                .allMatch(e -> distinctIds(forCase(all, e.getKey())) >= e.getValue()), timeout);
    }

    /**
     * Reads every partition up to its current end. Once the relay's cursor has passed an event, this
     * makes "it is not on the topic" a fact rather than "it has not arrived yet".
     */
    List<Received> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        return pollUntil(all -> end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()),
                timeout);
    }

    static List<Received> forCase(List<Received> all, String caseId) {
        return all.stream().filter(r -> caseId.equals(r.key())).toList();
    }

    /** What a consumer that deduplicates on the CloudEvents id keeps: first arrival of each id. */
    static List<Received> deduplicated(List<Received> records) {
        Map<String, Received> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(r.id(), r));
        return List.copyOf(first.values());
    }

    private static long distinctIds(List<Received> records) {
        return records.stream().map(Received::id).distinct().count();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("not JSON on the topic: " + value, e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
