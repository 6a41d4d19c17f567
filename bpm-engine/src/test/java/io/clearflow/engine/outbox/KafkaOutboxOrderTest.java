package io.clearflow.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.outbox.TopicReader.Received;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What reaches Kafka is the event log, case by case in log order, as CloudEvents. Nothing here calls
 * the relay: the scheduled relay delivers by itself while the cases run.
 */
@OutboxOnEmbeddedKafka
class KafkaOutboxOrderTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Rows the reference approval writes from submit to compliance sign-off (see ReferenceProcessEventLogTest). */
    private static final int EVENTS_PER_APPROVAL = 16;

    @Autowired ApprovalService approvalService;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired HistoryService history;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    private ReferenceApprovals approvals;
    private OutboxState state;

    @BeforeEach
    void setUp() {
        approvals = new ReferenceApprovals(approvalService, work, directory);
        state = new OutboxState(jdbc, log);
    }

    @Test
    void everyCaseArrivesCompleteAndInItsLogOrder() {
        List<String> cases = IntStream.range(0, 5).mapToObj(i -> approvals.submit("order " + i)).toList();
        // interleave the steps so each case's rows are scattered through the log between other cases'
        for (int i : new int[] {3, 0, 4, 1, 2}) {
            approvals.departmentApproves(cases.get(i));
        }
        for (int i : new int[] {1, 4, 2, 0, 3}) {
            approvals.complianceApproves(cases.get(i));
        }
        Map<String, List<PlatformEvent>> logged = new LinkedHashMap<>();
        cases.forEach(c -> logged.put(c, state.events(c)));
        assertThat(logged.values()).allSatisfy(events -> assertThat(events).hasSize(EVENTS_PER_APPROVAL));

        List<Received> all;
        try (TopicReader reader = new TopicReader(brokers)) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            logged.forEach((c, events) -> expected.put(c, events.size()));
            all = reader.pollUntilComplete(expected, DELIVERY);
        }

        logged.forEach((caseId, events) -> {
            List<Received> received = TopicReader.forCase(all, caseId);
            assertThat(received).as("case %s: exactly its log rows, in log order, once each", caseId)
                    .extracting(Received::id)
                    .containsExactlyElementsOf(events.stream().map(PlatformEvent::eventId).toList());
            assertThat(received).extracting(Received::position)
                    .containsExactlyElementsOf(events.stream().map(PlatformEvent::id).toList());
            assertThat(received).as("one key, one partition: the broker keeps the case's order")
                    .extracting(Received::partition).containsOnly(received.get(0).partition());
            for (int i = 0; i < events.size(); i++) {
                assertEnvelope(received.get(i), events.get(i));
            }
            assertThat(received.get(0).envelope().path("type").asText()).isEqualTo("io.clearflow.process.start");
            assertThat(received.get(events.size() - 1).envelope().path("type").asText())
                    .isEqualTo("io.clearflow.process.complete");
        });
        // the sequence extension is a string a consumer may compare as text (CloudEvents sequence extension)
        List<Received> ours = all.stream().filter(r -> logged.containsKey(r.key()))
                .sorted(Comparator.comparingLong(Received::position)).toList();
        assertThat(ours).extracting(Received::sequence).isSorted();
        await().atMost(DELIVERY).until(() -> state.cursor() >= state.lastPosition());
    }

    @Test
    void aRolledBackSubmissionLeavesNoRowInTheLogAndNothingOnKafka() {
        AtomicReference<String> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            rolledBack.set(approvals.submit("vetoed"));
            throw new IllegalStateException("veto after submit");
        })).hasMessage("veto after submit");
        String committed = approvals.submit("kept");

        assertThat(rolledBack.get()).isNotNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(rolledBack.get()).count())
                .as("the engine change itself rolled back").isZero();
        assertThat(state.events(rolledBack.get())).isEmpty();
        List<PlatformEvent> kept = state.events(committed);
        assertThat(kept).isNotEmpty();

        // the relay only moves its cursor past acknowledged events, so once it is at the end of the log
        // and the topic has been read to its end, whatever is not there was never sent
        await().atMost(DELIVERY).until(() -> state.cursor() >= kept.get(kept.size() - 1).id());
        try (TopicReader reader = new TopicReader(brokers)) {
            List<Received> all = reader.readToEnd(DELIVERY);
            assertThat(TopicReader.forCase(all, committed)).extracting(Received::id)
                    .containsExactlyElementsOf(kept.stream().map(PlatformEvent::eventId).toList());
            String vetoed = rolledBack.get();
            assertThat(all).filteredOn(r -> vetoed.equals(r.key()) || vetoed.equals(r.subject())
                    || vetoed.equals(r.envelope().path("data").path("caseId").asText())).isEmpty();
        }
    }

    private static void assertEnvelope(Received record, PlatformEvent event) {
        JsonNode ce = record.envelope();
        assertThat(record.key()).isEqualTo(event.caseId());
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(record.id()).isEqualTo(event.eventId());
        assertThat(ce.path("source").asText()).isEqualTo(CloudEventMapper.SOURCE);
        assertThat(ce.path("type").asText())
                .isEqualTo("io.clearflow." + event.scope().value() + "." + event.lifecycle());
        assertThat(record.subject()).isEqualTo(event.caseId());
        assertThat(Instant.parse(ce.path("time").asText())).isEqualTo(event.occurredAt());
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("sequence").isTextual()).as("sequence extension is a String").isTrue();
        assertThat(record.position()).isEqualTo(event.id());

        JsonNode data = ce.path("data");
        assertThat(data.path("eventId").asText()).isEqualTo(event.eventId());
        assertThat(data.path("caseId").asText()).isEqualTo(event.caseId());
        assertThat(data.path("processKey").asText()).isEqualTo(ApprovalService.PROCESS_KEY);
        assertThat(data.path("processVersion").asInt()).isEqualTo(event.processVersion());
        assertThat(data.path("scope").asText()).isEqualToIgnoringCase(event.scope().value());
        assertThat(data.path("lifecycle").asText()).isEqualTo(event.lifecycle());
        assertThat(data.path("activityId").asText(null)).isEqualTo(event.activityId());
        assertThat(data.path("taskId").asText(null)).isEqualTo(event.taskId());
        assertThat(data.path("resource").asText(null)).isEqualTo(event.resource());
        assertThat(data.path("department").asText(null)).isEqualTo(event.department());
        assertThat(Instant.parse(data.path("occurredAt").asText())).isEqualTo(event.occurredAt());
        event.attributes().forEach((k, v) -> assertThat(data.path("attributes").path(k).asText()).isEqualTo(v));
    }
}
