package io.clearflow.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.bots.runtime.BotOutcome;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.BotStore;
import io.clearflow.bots.runtime.BotsProperties;
import io.clearflow.bots.runtime.ExternalWorkerClient;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A worker killed in the middle of a job: the job's lock expires, a second worker gets it, and the
 * side effect still happens once. Two ways to die are tried: inside the handler right after the side
 * effect, and after the handler, just before the engine is told. The "kill" is an Error thrown on the
 * worker's thread: nothing is completed or failed, exactly as if the process had died.
 */
class CrashAndRedeliverTest extends RpaPlatformTest {

    static final Duration LOCK = Duration.ofSeconds(2);

    @Autowired BotStore store;
    @Autowired ExternalWorkerClient client;

    static class WorkerKilled extends Error {
        WorkerKilled() {
            super("worker killed");
        }
    }

    final AtomicInteger sideEffects = new AtomicInteger();

    BotsProperties properties() {
        return new BotsProperties(true, null, null, "Asia/Shanghai", LOCK, 10, 100, Duration.ofSeconds(30), Map.of());
    }

    @Test
    void aWorkerKilledRightAfterTheSideEffectDoesNotRepeatItOnRedelivery() throws Exception {
        String caseId = startProbe("rpa.crash.inside");
        AtomicInteger deliveries = new AtomicInteger();
        var bot = RpaTestBots.bot("crash-inside", "rpa.crash.inside", "", job -> {
            deliveries.incrementAndGet();
            job.once("transfer", () -> String.valueOf(sideEffects.incrementAndGet()));
            if (deliveries.get() == 1) {
                throw new WorkerKilled(); // dies after the effect, before it can report anything
            }
            return BotOutcome.done(Map.of("transferred", true));
        });
        BotRuntime first = new BotRuntime(List.of(bot), store, client, properties());
        BotRuntime second = new BotRuntime(List.of(bot), store, client, properties());

        first.await(first.runNow("crash-inside", "test").id(), Duration.ofSeconds(30));
        assertThat(sideEffects).hasValue(1);
        assertThat(management.createExternalWorkerJobQuery().processInstanceId(caseId).locked().count())
                .as("the dead worker still holds the lock").isEqualTo(1);
        assertThat(second.await(second.runNow("crash-inside", "test").id(), Duration.ofSeconds(30)).items())
                .as("nobody else gets a locked job").isZero();

        awaitUnlocked(caseId);
        RunReport redelivered = second.await(second.runNow("crash-inside", "test").id(), Duration.ofSeconds(30));

        assertThat(deliveries).hasValue(2);
        assertThat(redelivered.itemsDone()).isEqualTo(1);
        assertThat(sideEffects).as("the side effect happened once").hasValue(1);
        awaitEnded(caseId);
    }

    @Test
    void aWorkerKilledBeforeReportingReplaysItsRecordedOutcomeWithoutHandlingAgain() throws Exception {
        String caseId = startProbe("rpa.crash.report");
        AtomicInteger handled = new AtomicInteger();
        var bot = RpaTestBots.bot("crash-report", "rpa.crash.report", "", job -> {
            handled.incrementAndGet();
            sideEffects.incrementAndGet();
            return BotOutcome.done(Map.of("accountNo", "A-1"));
        });
        ExternalWorkerClient dying = new ExternalWorkerClient(client.platform()) {
            @Override
            public void complete(String jobId, String workerId, Map<String, Object> variables) {
                throw new WorkerKilled(); // the outcome is recorded, the engine never hears of it
            }
        };
        BotRuntime first = new BotRuntime(List.of(bot), store, dying, properties());
        BotRuntime second = new BotRuntime(List.of(bot), store, client, properties());

        first.await(first.runNow("crash-report", "test").id(), Duration.ofSeconds(30));
        assertThat(handled).hasValue(1);
        assertThat(ended(caseId)).isFalse();

        awaitUnlocked(caseId);
        RunReport redelivered = second.await(second.runNow("crash-report", "test").id(), Duration.ofSeconds(30));

        assertThat(handled).as("the handler ran once").hasValue(1);
        assertThat(sideEffects).hasValue(1);
        assertThat(second.items(redelivered.id())).singleElement().satisfies(item -> {
            assertThat(item.outcome()).isEqualTo("done");
            assertThat(item.replayed()).isTrue();
        });
        awaitEnded(caseId);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("accountNo")
                .singleResult().getValue()).isEqualTo("A-1");
    }
}
