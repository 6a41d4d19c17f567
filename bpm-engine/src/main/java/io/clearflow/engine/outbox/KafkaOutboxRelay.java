package io.clearflow.engine.outbox;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox towards Kafka. The event log itself is the outbox: its rows are written
 * in the engine's transaction (so a rolled-back change never produces an event) and this relay
 * sends them in log order, then moves its cursor past what the broker acknowledged.
 *
 * <p>Why not Spring Modulith's externalisation: it sends each event from its own asynchronous
 * listener, so two events of one case can overtake each other, and the issue requires per-case
 * order. A single relay reading the log in position order keeps that order by construction.
 * With the broker down nothing moves the cursor, so nothing is lost; once it is back the relay
 * resends from the cursor. Delivery is at least once (an event acknowledged just before a crash is
 * sent again); consumers deduplicate on the CloudEvents id. The cursor row is locked during a round,
 * so several platform nodes never relay at the same time.
 *
 * <p>Positions are taken when a transaction inserts its rows, just before it commits, so a
 * transaction can commit after another one with later positions. Had the relay moved its cursor
 * past the later rows, the earlier ones would be skipped for good once committed. So a round stops
 * at the first missing position and waits for it; only a position still missing after
 * {@link OutboxProperties#gapTimeout()} (its transaction rolled back after the insert) is relayed past.
 */
@Component
@ConditionalOnProperty(prefix = "clearflow.outbox.kafka", name = "enabled", havingValue = "true")
public class KafkaOutboxRelay {

    static final String RELAY = "kafka";
    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxRelay.class);

    private final OutboxCursorRepository cursors;
    private final EventLogRepository events;
    private final KafkaTemplate<String, String> kafka;
    private final CloudEventMapper mapper;
    private final OutboxProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final Counter skipped;
    private final AtomicLong position = new AtomicLong();
    /** First missing position of each gap seen after the cursor, and when it was first seen (nanoTime). */
    private final Map<Long, Long> gapsSeenAt = new ConcurrentHashMap<>();
    /** Positions after the cursor that Kafka acknowledged while an earlier one failed: sent once, skipped on resend. */
    private final java.util.Set<Long> deliveredAhead = ConcurrentHashMap.newKeySet();

    KafkaOutboxRelay(OutboxCursorRepository cursors, EventLogRepository events, KafkaTemplate<String, String> kafka,
                     CloudEventMapper mapper, OutboxProperties properties, TransactionTemplate transaction,
                     Clock clock, MeterRegistry meters) {
        this.cursors = cursors;
        this.events = events;
        this.kafka = kafka;
        this.mapper = mapper;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.published = Counter.builder("clearflow.outbox.published").description("events acknowledged by Kafka")
                .register(meters);
        this.failures = Counter.builder("clearflow.outbox.failures").description("relay rounds that could not deliver")
                .register(meters);
        this.skipped = Counter.builder("clearflow.outbox.skipped")
                .description("event-log positions relayed past because they stayed empty (rolled back)")
                .register(meters);
        Gauge.builder("clearflow.outbox.position", position, AtomicLong::get)
                .description("last event-log position acknowledged by Kafka").register(meters);
    }

    @Scheduled(fixedDelayString = "${clearflow.outbox.kafka.interval:500ms}", initialDelayString = "1s")
    public void scheduledRound() {
        try {
            while (relayOnce() == properties.batchSize()) {
                // a full batch: more may be waiting, go on without pausing
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay round failed, will retry: {}", e.getMessage());
        }
    }

    /** One round: send up to a batch after the cursor; returns how many were acknowledged. */
    public int relayOnce() {
        Integer sent = transaction.execute(status -> {
            long cursor = cursors.lock(RELAY, clock.instant());
            List<PlatformEvent> batch = untilGap(cursor, events.after(cursor, properties.batchSize()));
            if (batch.isEmpty()) {
                position.set(cursor);
                return 0;
            }
            deliveredAhead.removeIf(position -> position <= cursor);
            List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
            for (PlatformEvent event : batch) {
                if (deliveredAhead.contains(event.id())) {
                    acks.add(CompletableFuture.completedFuture(null)); // acknowledged in an earlier round: not again
                    continue;
                }
                try {
                    acks.add(kafka.send(properties.topic(), event.caseId(), mapper.toJson(event)));
                } catch (RuntimeException e) {
                    acks.add(CompletableFuture.failedFuture(e));
                    break; // later events must not overtake this one
                }
            }
            // Every send is waited for, also after a failure: an event of another case (partition) acknowledged
            // behind a failed one is remembered and not sent again, and no send is left pending that could still
            // reach the broker after the next round has sent its event again (a duplicate). The producer's own
            // delivery.timeout.ms is shorter than send-timeout, so every send has settled by the deadline.
            long acknowledged = cursor;
            int count = 0;
            boolean failed = false;
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            for (int i = 0; i < acks.size(); i++) {
                PlatformEvent event = batch.get(i);
                boolean earlier = deliveredAhead.contains(event.id());
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (!failed) {
                        acknowledged = event.id();
                    } else {
                        deliveredAhead.add(event.id());
                    }
                    if (!earlier) {
                        count++;
                    }
                } catch (Exception e) {
                    if (!failed) {
                        failures.increment();
                        log.warn("Kafka did not acknowledge event {} (position {}); it stays in the outbox: {}",
                                event.eventId(), event.id(), rootMessage(e));
                    }
                    failed = true;
                }
            }
            if (acknowledged > cursor) {
                cursors.moveTo(RELAY, acknowledged, clock.instant());
            }
            position.set(acknowledged);
            published.increment(count);
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** The leading events that may go now: up to the first missing position still worth waiting for. */
    private List<PlatformEvent> untilGap(long cursor, List<PlatformEvent> batch) {
        gapsSeenAt.keySet().removeIf(missing -> missing <= cursor);
        long expected = cursor + 1;
        for (int i = 0; i < batch.size(); i++) {
            long next = batch.get(i).id();
            if (next != expected && !givenUp(expected, next)) {
                return batch.subList(0, i);
            }
            expected = next + 1;
        }
        return batch;
    }

    /** Whether positions {@code missing} up to {@code next - 1} have stayed empty for the gap timeout. */
    private boolean givenUp(long missing, long next) {
        long now = System.nanoTime();
        long seenAt = gapsSeenAt.computeIfAbsent(missing, m -> now);
        if (now - seenAt < properties.gapTimeout().toNanos()) {
            return false;
        }
        log.warn("Event-log positions {} to {} stayed empty for {}; taking them as rolled back and relaying past them",
                missing, next - 1, properties.gapTimeout());
        skipped.increment(next - missing);
        return true;
    }

    /** The last acknowledged position as committed, without waiting for a round in progress; 0 before the first. */
    public long cursor() {
        return cursors.position(RELAY);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
