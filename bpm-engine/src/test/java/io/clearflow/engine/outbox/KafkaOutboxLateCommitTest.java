package io.clearflow.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.outbox.TopicReader.Received;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Log positions are handed out when the rows are inserted, just before commit, but become visible
 * at commit. So two engine transactions can commit in the opposite order of their positions, and a
 * rolled-back commit leaves positions that never get a row. The relay must neither skip the late
 * rows nor wait forever for the missing ones.
 */
@OutboxOnEmbeddedKafka
class KafkaOutboxLateCommitTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired ApprovalService approvalService;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired KafkaOutboxRelay relay;
    @Autowired OutboxProperties outbox;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    private ReferenceApprovals approvals;
    private OutboxState state;

    @BeforeEach
    void setUp() {
        approvals = new ReferenceApprovals(approvalService, work, directory);
        state = new OutboxState(jdbc, log);
    }

    @Test
    void rowsThatCommitAfterLaterPositionsAreStillRelayedInOrder() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> slowCase = new AtomicReference<>();
        AtomicLong slowFirstPosition = new AtomicLong();
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            String caseId = approvals.submit("slow commit");
            slowCase.set(caseId);
            afterEventLogInsert(() -> {
                slowFirstPosition.set(firstPosition(caseId)); // visible to this transaction only
                written.countDown();
                awaitQuietly(release);
            });
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).as("slow transaction wrote its rows").isTrue();

        String fastCase;
        try {
            fastCase = approvals.submit("fast commit");
            assertThat(state.events(fastCase).get(0).id()).isGreaterThan(slowFirstPosition.get());
            relay.relayOnce();
            assertThat(state.cursor()).as("the cursor must stay before rows that are not committed yet")
                    .isLessThan(slowFirstPosition.get());
        } finally {
            release.countDown();
        }
        slow.get(30, TimeUnit.SECONDS);
        assertDeliveredInLogOrder(List.of(slowCase.get(), fastCase));
    }

    @Test
    void positionsOfARolledBackCommitHoldTheRelayOnlyForTheGapTimeout() {
        AtomicReference<String> lostCase = new AtomicReference<>();
        AtomicReference<List<Long>> lostPositions = new AtomicReference<>();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            String caseId = approvals.submit("fails at commit");
            lostCase.set(caseId);
            afterEventLogInsert(() -> {
                lostPositions.set(jdbc.queryForList("SELECT id FROM cf_event_log WHERE case_id = ?", Long.class, caseId));
                throw new IllegalStateException("commit refused");
            });
        })).hasMessage("commit refused");
        assertThat(lostPositions.get()).as("rows were written before the rollback").isNotEmpty();
        assertThat(state.events(lostCase.get())).isEmpty();

        long before = System.nanoTime();
        String next = approvals.submit("after the hole");
        assertThat(state.events(next).get(0).id()).isGreaterThan(lostPositions.get().get(lostPositions.get().size() - 1));

        List<Received> all = assertDeliveredInLogOrder(List.of(next));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the relay waited for the hole to fill first")
                .isGreaterThanOrEqualTo(outbox.gapTimeout());
        assertThat(all).filteredOn(r -> lostCase.get().equals(r.key())).isEmpty();
    }

    /** The scheduled relay brings the cursor to the end of the log; each case then is on the topic, once, in order. */
    private List<Received> assertDeliveredInLogOrder(List<String> cases) {
        await().atMost(DELIVERY).until(() -> state.cursor() >= state.lastPosition());
        try (TopicReader reader = new TopicReader(brokers)) {
            List<Received> all = reader.readToEnd(DELIVERY);
            for (String caseId : cases) {
                List<PlatformEvent> logged = state.events(caseId);
                assertThat(logged).isNotEmpty();
                assertThat(TopicReader.forCase(all, caseId)).as("case %s", caseId).extracting(Received::id)
                        .containsExactlyElementsOf(logged.stream().map(PlatformEvent::eventId).toList());
            }
            return all;
        }
    }

    /**
     * Runs {@code action} at commit, after the event-log writer has inserted this transaction's rows
     * (synchronizations of equal order run in registration order, and the writer registered first).
     */
    private static void afterEventLogInsert(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }
        });
    }

    private long firstPosition(String caseId) {
        return jdbc.queryForObject("SELECT MIN(id) FROM cf_event_log WHERE case_id = ?", Long.class, caseId);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
