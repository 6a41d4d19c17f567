package io.clearflow.rpa;

import static org.awaitility.Awaitility.await;

import io.clearflow.ClearFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform as the bots meet it: a real HTTP port (the embedded bots call it), the async executor
 * on (a bot's completion continues the process in an async job), and the test bots of {@link RpaTestBots}.
 * Every rpa test class shares this one context.
 */
@SpringBootTest(classes = {ClearFlowApplication.class, RpaTestBots.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flowable.async-executor-activate=true",
                // the engine frees the jobs of a dead worker when their lock expired, checked this often
                "flowable.process.async.executor.reset-expired-jobs-interval=PT1S", "clearflow.bots.retry-backoff=PT1M",
                "clearflow.bots.account-opening.watch-list.id-numbers=11010519491231002X",
                "clearflow.bots.account-opening.watch-list.names=黑名单",
                // the reconciliation bot on a per-second schedule over its own folder (ReconciliationBotScheduleTest)
                "clearflow.bots.bot.reconciliation.cron=* * * * * *",
                "clearflow.bots.reconciliation.folder=" + RpaPlatformTest.STATEMENTS})
@ActiveProfiles("test")
abstract class RpaPlatformTest {

    static final String STATEMENTS = "target/rpa-statements";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void deployProbe() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("rpaProbe").count() == 0) {
            repository.createDeployment().addClasspathResource("rpa/rpa-probe.bpmn20.xml").deploy();
        }
    }

    String startProbe(String topic) {
        return runtime.startProcessInstanceByKey("rpaProbe", Map.of("topic", topic)).getId();
    }

    boolean ended(String caseId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).finished().count() == 1;
    }

    String endActivity(String caseId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId();
    }

    /** Waits until the engine has taken back the lock of a dead worker's job, so another worker can acquire it. */
    void awaitUnlocked(String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createExternalWorkerJobQuery().processInstanceId(caseId)
                .singleResult().getLockExpirationTime() == null);
    }

    void awaitEnded(String caseId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ended(caseId));
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
