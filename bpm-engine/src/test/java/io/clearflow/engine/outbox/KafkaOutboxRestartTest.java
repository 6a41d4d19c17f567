package io.clearflow.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.outbox.TopicReader.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault: the Kafka broker goes down while 10,000 events are being written, and comes back. A real in-process KRaft broker
 * on a fixed port takes the first part of the events; it is stopped while the rest are still being written (the
 * platform goes on writing them: the event log is the outbox) and a new broker is started on the same port. What must
 * hold: all 10,000 events reach Kafka, in log order per case, none twice with the same id; meanwhile readiness stays UP
 * and the lag gauges show the backlog, and they return to 0 afterwards. The relay is driven by a test thread (rounds as
 * the scheduler would run them), so that the first broker's topic can be read to its end before it is stopped: the new
 * broker starts empty, as a replaced broker would without its disks. Bounded: 90 s.
 */
@SpringBootTest(classes = EngineTestApplication.class, properties = {
        "clearflow.outbox.kafka.interval=1h",
        "clearflow.outbox.kafka.send-timeout=5s",
        // the producer gives up on a record before the relay gives up on the round, so a failed round leaves nothing
        // in the producer's buffer that could reach the next broker after the round's resend (a duplicate)
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "logging.level.org.apache.kafka=error"})
@ActiveProfiles({"test", "kafka"})
@DirtiesContext // its producer would otherwise keep dialling the stopped broker
class KafkaOutboxRestartTest {

    static final int EVENTS = 10_000;
    static final int CASES = 200;
    static final int PORT = freePort();

    @Autowired KafkaOutboxRelay relay;
    @Autowired OutboxLag lag;
    @Autowired EventLogRepository log;
    @Autowired JdbcTemplate jdbc;
    @Autowired HealthEndpoint health;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void tenThousandEventsAcrossABrokerRestartArriveOnceEachInOrderPerCase() throws Exception {
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        EmbeddedKafkaKraftBroker first = broker();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicBoolean relaying = new AtomicBoolean(true);
        ReentrantLock rounds = new ReentrantLock();
        List<Received> received = new ArrayList<>();
        EmbeddedKafkaKraftBroker second = null;
        try {
            Future<?> writer = threads.submit(() -> write(run));
            Future<?> driver = threads.submit(() -> {
                while (relaying.get()) {
                    rounds.lock();
                    int sent;
                    try {
                        sent = relayRound();
                    } finally {
                        rounds.unlock();
                    }
                    if (sent == 0) {
                        pause(50);
                    }
                }
                return null;
            });

            await().atMost(Duration.ofSeconds(40)).until(() -> relay.cursor() > log.backlogAfter(0).events() / 10
                    && mine(run) >= EVENTS / 4);
            long stoppedAt;
            rounds.lock(); // no round in flight: what the first broker acknowledged is all on it
            try {
                try (TopicReader reader = new TopicReader(first.getBrokersAsString())) {
                    received.addAll(reader.readToEnd(Duration.ofSeconds(20)));
                }
                first.destroy();
                stoppedAt = relay.cursor();
            } finally {
                rounds.unlock();
            }
            long downFrom = System.nanoTime();
            pause(4_000); // down: rounds fail, the writer goes on
            assertThat(relay.cursor()).as("nothing acknowledged while the broker is down").isEqualTo(stoppedAt);
            assertThat(health.healthForPath("readiness").getStatus()).as("Kafka down is no reason to stop serving")
                    .isEqualTo(Status.UP);
            await().atMost(Duration.ofSeconds(10)).until(() -> lag.events() > 0 && lag.seconds() >= 2);
            long lagEventsDuringOutage = lag.events();
            double lagSecondsDuringOutage = lag.seconds();

            second = broker();
            writer.get(40, TimeUnit.SECONDS);
            long last = jdbc.queryForObject("SELECT MAX(id) FROM cf_event_log", Long.class);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> relay.cursor() == last);
            long recoveredMillis = (System.nanoTime() - downFrom) / 1_000_000;
            relaying.set(false);
            driver.get(20, TimeUnit.SECONDS);
            try (TopicReader reader = new TopicReader(second.getBrokersAsString())) {
                received.addAll(reader.readToEnd(Duration.ofSeconds(20)));
            }

            List<Received> ours = received.stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList();
            assertThat(ours).as("all %d events, none twice", EVENTS).hasSize(EVENTS);
            assertThat(ours.stream().map(Received::id).distinct().count()).isEqualTo(EVENTS);
            Map<String, List<Long>> positionsPerCase = new LinkedHashMap<>();
            ours.forEach(r -> positionsPerCase.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.position()));
            assertThat(positionsPerCase).hasSize(CASES);
            positionsPerCase.forEach((caseId, positions) -> assertThat(positions).as("case %s in log order", caseId)
                    .isSorted().hasSize(EVENTS / CASES));
            await().atMost(Duration.ofSeconds(10)).until(() -> lag.events() == 0 && lag.seconds() == 0);
            System.out.printf("Kafka broker down during %d events: %d delivered by the first broker, outage lag %d events"
                    + " / %.1f s, all delivered %d ms after the stop, whole test %d ms%n", EVENTS,
                    ours.stream().filter(r -> r.position() <= stoppedAt).count(), lagEventsDuringOutage,
                    lagSecondsDuringOutage, recoveredMillis, (System.nanoTime() - started) / 1_000_000);
        } finally {
            relaying.set(false);
            threads.shutdownNow();
            first.destroy();
            if (second != null) {
                second.destroy();
            }
        }
    }

    /** A round as the scheduler runs it: a failed round is the broker being down, tried again next round. */
    private int relayRound() {
        try {
            return relay.relayOnce();
        } catch (RuntimeException brokerDown) {
            pause(200);
            return 0;
        }
    }

    /** Writes the events in 20 transactions of 500, 50 ms apart: 200 cases, 50 events each, interleaved. */
    private Void write(String run) {
        int batch = 500;
        for (int from = 0; from < EVENTS; from += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int i = from; i < from + batch; i++) {
                rows.add(new Object[] {UUID.randomUUID().toString(), run + "-" + (i % CASES), "loadTest", 1, "task",
                        "step" + (i / CASES), "complete", Timestamp.from(Instant.now()), "zhangsan"});
            }
            jdbc.batchUpdate("INSERT INTO cf_event_log (event_id, case_id, process_key, process_version, scope,"
                    + " activity_id, lifecycle, occurred_at, resource) VALUES (?,?,?,?,?,?,?,?,?)", rows);
            pause(50);
        }
        return null;
    }

    private long mine(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id LIKE ?", Long.class, run + "-%");
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, TopicReader.TOPIC);
        // the KRaft broker of spring-kafka-test 3.3 ignores kafkaPorts(..); its listener setting is honoured
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + PORT + ",CONTROLLER://localhost:0");
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return broker;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
