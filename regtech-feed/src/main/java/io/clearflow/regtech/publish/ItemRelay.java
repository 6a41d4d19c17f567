package io.clearflow.regtech.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the item outbox to Kafka as CloudEvents 1.0 (structured JSON), key = item id.
 *
 * <p>Why not bpm-engine's {@code KafkaOutboxRelay}: it reads the platform event log through its
 * repository and cursor and has no seam for a second table; making it generic would change the
 * engine's relay that other sessions rely on. This relay keeps the same contract in the simpler
 * shape a module table allows: rows are sent in id order and marked sent only once the broker
 * acknowledged them; a send that fails stops the round (later rows must not overtake it) and the
 * round is tried again, so an outage loses nothing. Delivery is at least once; consumers deduplicate
 * on the CloudEvents id. Rows are locked while a round runs, so two nodes never send the same rows.
 * An item's events (created, then reclassified) come from successive transactions, so their ids and
 * therefore their order on the topic follow the order they happened in.
 */
@Component
@Profile("kafka")
@EnableConfigurationProperties(KafkaItemProperties.class)
public class ItemRelay {

    static final String SOURCE = "/clearflow/regtech/items";
    private static final Logger log = LoggerFactory.getLogger(ItemRelay.class);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaItemProperties properties;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;

    ItemRelay(OutboxRepository outbox, KafkaTemplate<String, String> kafka, KafkaItemProperties properties,
              TransactionTemplate transaction, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.properties = properties;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.published = Counter.builder("clearflow.regtech.kafka.published").description("item events acknowledged by Kafka")
                .register(meters);
        this.failures = Counter.builder("clearflow.regtech.kafka.failures").description("item relay rounds that could not deliver")
                .register(meters);
        Gauge.builder("clearflow.regtech.kafka.pending", outbox, OutboxRepository::unsent)
                .description("item events waiting for Kafka").register(meters);
    }

    @Scheduled(fixedDelayString = "${clearflow.regtech.kafka.interval:1s}", initialDelayString = "2s")
    void scheduledRound() {
        try {
            while (relayOnce() == properties.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Regtech item relay round failed, will retry: {}", e.getMessage());
        }
    }

    /** One round: sends up to a batch of unsent events in order; returns how many the broker acknowledged. */
    public int relayOnce() {
        Integer sent = transaction.execute(status -> {
            List<OutboxRepository.Row> rows = outbox.lockUnsent(properties.batchSize());
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (OutboxRepository.Row row : rows) {
                try {
                    acks.add(kafka.send(properties.topic(), String.valueOf(row.itemId()), envelope(row)));
                } catch (RuntimeException e) {
                    acks.add(CompletableFuture.failedFuture(e));
                    break; // later events must not overtake this one
                }
            }
            List<Long> acknowledged = new ArrayList<>();
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(rows.get(i).id());
                } catch (Exception e) {
                    failures.increment();
                    log.warn("Kafka did not acknowledge regtech item event {}; it stays in the outbox: {}", rows.get(i).id(),
                            rootMessage(e));
                    break;
                }
            }
            if (!acknowledged.isEmpty()) {
                outbox.markSent(acknowledged, clock.instant());
            }
            published.increment(acknowledged.size());
            return acknowledged.size();
        });
        return sent == null ? 0 : sent;
    }

    /** 19 digits hold every positive long; the sequence extension is compared as text. */
    static String sequence(long id) {
        return String.format("%019d", id);
    }

    String envelope(OutboxRepository.Row row) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", "regtech-item-event-" + row.id());
        envelope.put("source", SOURCE);
        envelope.put("type", "io.clearflow.regtech.item." + row.type());
        envelope.put("subject", String.valueOf(row.itemId()));
        envelope.put("time", row.createdAt().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("sequence", sequence(row.id()));
        try {
            envelope.put("data", json.readTree(row.payload()));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + row.id() + " not serialisable", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
