package io.clearflow.engine.outbox;

import io.clearflow.engine.eventlog.EventLogRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * How far the Kafka relay is behind, as two gauges with stable names for dashboards and alerts
 * ({@code deploy/prometheus/alerts.yml}):
 * <ul>
 * <li>{@code clearflow.outbox.lag.events}: event-log rows after the relay's cursor, not yet acknowledged by Kafka;</li>
 * <li>{@code clearflow.outbox.lag.seconds}: age of the oldest of them (0 when none).</li>
 * </ul>
 * Measured when scraped, from the committed cursor, so they move while a round hangs on an unreachable broker; at most
 * once per {@link #FRESH} however often they are read. Kafka being down is not a reason to take the node out of
 * service (the outbox keeps everything): readiness does not look at it, these gauges and their alert do.
 */
@Component
@ConditionalOnProperty(prefix = "clearflow.outbox.kafka", name = "enabled", havingValue = "true")
class OutboxLag {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxLag.class);

    private final KafkaOutboxRelay relay;
    private final EventLogRepository events;
    private final Clock clock;
    private volatile Measured last = new Measured(Instant.EPOCH, 0, 0);

    private record Measured(Instant at, long events, double seconds) { }

    OutboxLag(KafkaOutboxRelay relay, EventLogRepository events, Clock clock, MeterRegistry meters) {
        this.relay = relay;
        this.events = events;
        this.clock = clock;
        Gauge.builder("clearflow.outbox.lag.events", this, lag -> lag.measure().events())
                .description("event-log rows the Kafka relay has not had acknowledged yet").register(meters);
        Gauge.builder("clearflow.outbox.lag.seconds", this, lag -> lag.measure().seconds())
                .description("age of the oldest event-log row not yet acknowledged by Kafka").baseUnit("seconds")
                .register(meters);
    }

    long events() {
        return measure().events();
    }

    double seconds() {
        return measure().seconds();
    }

    private synchronized Measured measure() {
        Instant now = clock.instant();
        if (Duration.between(last.at(), now).compareTo(FRESH) < 0) {
            return last;
        }
        try {
            EventLogRepository.Backlog backlog = events.backlogAfter(relay.cursor());
            double age = backlog.oldest() == null ? 0 : Math.max(0, Duration.between(backlog.oldest(), now).toMillis() / 1000.0);
            last = new Measured(now, backlog.events(), age);
        } catch (RuntimeException e) {
            // the database is down: keep the last figures (its own alert and readiness say so)
            log.debug("outbox lag not measured: {}", e.getMessage());
        }
        return last;
    }
}
