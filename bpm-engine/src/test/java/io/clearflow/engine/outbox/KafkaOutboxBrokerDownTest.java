package io.clearflow.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.outbox.TopicReader.Received;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform keeps working while Kafka is unreachable, and nothing is lost: the events wait in the
 * log behind the relay's cursor until a broker appears on the configured address.
 */
@SpringBootTest(classes = EngineTestApplication.class, properties = {
        // this test drives the relay itself (one scheduled round still runs a second after start-up)
        "clearflow.outbox.kafka.interval=1h",
        "clearflow.outbox.kafka.send-timeout=5s",
        // while there is no broker a send gives up waiting for metadata after this long
        "spring.kafka.producer.properties.max.block.ms=1000",
        // a warning every few ms that the (absent) broker is unreachable is the point of this test, not news
        "logging.level.org.apache.kafka.clients.NetworkClient=error"})
@ActiveProfiles({"test", "kafka"})
@DirtiesContext // its producer would otherwise keep dialling the stopped broker
class KafkaOutboxBrokerDownTest {

    private static final int PORT = freePort();

    @Autowired ApprovalService approvalService;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaOutboxRelay relay;

    @DynamicPropertySource
    static void brokerNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    }

    @Test
    void eventsWaitInTheLogWhileTheBrokerIsDownAndAllArriveInOrderOnceItIsUp() {
        var approvals = new ReferenceApprovals(approvalService, work, directory);
        var state = new OutboxState(jdbc, log);
        String finished = approvals.submit("while Kafka is down");
        approvals.runToCompletion(finished);
        String waiting = approvals.submit("still waiting for review");
        List<String> cases = List.of(finished, waiting);
        long pending = cases.stream().mapToLong(c -> state.events(c).size()).sum();
        assertThat(pending).isEqualTo(16 + 4);

        long start = System.nanoTime();
        assertThat(relay.relayOnce()).as("acknowledged without a broker").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("a round against a missing broker gives up after one blocked send, not one per event")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(state.cursor()).isZero();
        assertThat(cases.stream().mapToLong(c -> state.events(c).size()).sum()).isEqualTo(pending);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, TopicReader.TOPIC);
        // the KRaft broker of spring-kafka-test 3.3 ignores kafkaPorts(..); its listener setting is honoured
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + PORT + ",CONTROLLER://localhost:0");
        // the waiting producer would otherwise have the topic auto-created before the broker creates it
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        try {
            assertThat(broker.getBrokersAsString()).isEqualTo("localhost:" + PORT);
            long last = state.lastPosition();
            // the producer needs a moment to find the new broker; rounds before that deliver nothing
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                relay.relayOnce();
                return state.cursor() == last;
            });
            try (TopicReader reader = new TopicReader(broker.getBrokersAsString())) {
                List<Received> all = reader.readToEnd(Duration.ofSeconds(30));
                for (String caseId : cases) {
                    // a round that timed out may have sent some events twice; consumers drop repeats by id
                    assertThat(TopicReader.deduplicated(TopicReader.forCase(all, caseId)))
                            .as("case %s: every pending event, in log order", caseId)
                            .extracting(Received::id)
                            .containsExactlyElementsOf(state.events(caseId).stream().map(PlatformEvent::eventId).toList());
                }
            }
        } finally {
            broker.destroy();
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
