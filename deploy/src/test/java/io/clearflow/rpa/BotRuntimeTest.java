package io.clearflow.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clearflow.bots.runtime.BotException;
import io.clearflow.bots.runtime.BotOutcome;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bot runtime against the real platform over HTTP: acquire and complete, fail with a retry and
 * back-off, BPMN error, run now, schedule, pause and resume, and who may use the console API.
 */
class BotRuntimeTest extends RpaPlatformTest {

    @Autowired BotRuntime bots;

    @AfterEach
    void reset() {
        RpaTestBots.PROBE.set(job -> BotOutcome.done(Map.of()));
        bots.resume("probe", "test");
        bots.resume("ticker", "test");
    }

    @Test
    void runNowCompletesEveryDueJobWithItsVariablesAndRecordsTheRun() throws Exception {
        RpaTestBots.PROBE.set(job -> BotOutcome.done(Map.of("checkedBy", "probe", "score", 7)));
        String first = startProbe("rpa.probe");
        String second = startProbe("rpa.probe");

        RunReport run = bots.await(bots.runNow("probe", "sunqi").id(), Duration.ofSeconds(30));

        assertThat(run.itemsDone()).isEqualTo(2);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.startedBy()).isEqualTo("sunqi");
        assertThat(bots.items(run.id())).extracting(RunItem::caseId).containsExactlyInAnyOrder(first, second);
        awaitEnded(first);
        awaitEnded(second);
        assertThat(endActivity(first)).isEqualTo("done");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(first).variableName("checkedBy")
                .singleResult().getValue()).isEqualTo("probe");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(first).variableName("score")
                .singleResult().getValue()).isEqualTo(7);
    }

    @Test
    void aTechnicalFailureFailsTheJobWithOneRetryLessAndABackOff() throws Exception {
        RpaTestBots.PROBE.set(job -> {
            throw new IllegalStateException("core banking system timed out");
        });
        String caseId = startProbe("rpa.probe");

        RunReport run = bots.await(bots.runNow("probe", "sunqi").id(), Duration.ofSeconds(30));

        assertThat(run.itemsFailed()).isEqualTo(1);
        assertThat(run.errors()).contains("core banking system timed out");
        var job = management.createExternalWorkerJobQuery().processInstanceId(caseId).singleResult();
        assertThat(job.getRetries()).isEqualTo(2);
        assertThat(job.getExceptionMessage()).contains("core banking system timed out");
        // back-off: the engine holds the job back for the retry timeout (a minute here), so the next run finds nothing
        assertThat(job.getLockExpirationTime()).isAfter(new java.util.Date(System.currentTimeMillis() + 30_000));
        RpaTestBots.PROBE.set(j -> BotOutcome.done(Map.of()));
        RunReport again = bots.await(bots.runNow("probe", "sunqi").id(), Duration.ofSeconds(30));
        assertThat(again.items()).isZero();
        assertThat(ended(caseId)).isFalse();
    }

    @Test
    void aBusinessExceptionIsThrownAsBpmnErrorAndTheProcessTakesItsErrorPath() throws Exception {
        RpaTestBots.PROBE.set(job -> BotOutcome.bpmnError("REJECTED", "customer unknown", Map.of("reason", "unknown")));
        String caseId = startProbe("rpa.probe");

        RunReport run = bots.await(bots.runNow("probe", "sunqi").id(), Duration.ofSeconds(30));

        assertThat(bots.items(run.id())).singleElement().extracting(RunItem::outcome).isEqualTo("bpmn-error");
        awaitEnded(caseId);
        assertThat(endActivity(caseId)).isEqualTo("rejectedEnd");
    }

    @Test
    void aScheduledBotWorksWithoutAnyoneAndAPausedOneDoesNot() throws Exception {
        String caseId = startProbe("rpa.ticker");
        awaitEnded(caseId); // the ticker runs every second on its own
        assertThat(bots.status("ticker").lastRun().trigger()).isEqualTo("schedule");

        bots.pause("ticker", "sunqi");
        await().until(() -> !bots.status("ticker").running());
        String whilePaused = startProbe("rpa.ticker");
        Thread.sleep(3_000);
        assertThat(ended(whilePaused)).as("a paused bot takes no work").isFalse();
        assertThatThrownBy(() -> bots.runNow("ticker", "sunqi")).isInstanceOf(BotException.class)
                .hasMessageContaining("paused");

        bots.resume("ticker", "sunqi");
        awaitEnded(whilePaused);
    }

    @Test
    void theConsoleApiIsForAdministratorsOperationsAndProcessOwners() throws Exception {
        assertThat(call("GET", "/api/rpa/bots", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/rpa/bots", "zhangsan", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/rpa/bots/probe/run", "issuer01", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/rpa/bots/probe/pause", "zhangsan", null).statusCode()).isEqualTo(403);
        assertThat(bots.status("probe").paused()).isFalse();

        var list = call("GET", "/api/rpa/bots", "sunqi", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"probe\"").contains("rpa.probe").contains("\"ticker\"");
        assertThat(call("GET", "/api/rpa/bots", "linops", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/rpa/bots/nobody", "admin", null).statusCode()).isEqualTo(404);

        assertThat(call("POST", "/api/rpa/bots/probe/pause", "linops", null).body()).contains("\"paused\":true");
        var refused = call("POST", "/api/rpa/bots/probe/run", "linops", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("PAUSED");
        assertThat(call("POST", "/api/rpa/bots/probe/resume", "admin", null).body()).contains("\"paused\":false");

        var started = call("POST", "/api/rpa/bots/probe/run", "admin", null);
        assertThat(started.statusCode()).isEqualTo(202);
        long runId = Long.parseLong(started.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        bots.await(runId, Duration.ofSeconds(30));
        var detail = call("GET", "/api/rpa/bots/probe/runs/" + runId, "sunqi", null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"trigger\":\"manual\"").contains("\"startedBy\":\"admin\"");
    }
}
