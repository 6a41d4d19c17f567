package io.clearflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bots take their work through Flowable's external-worker REST API, over real HTTP as a bot on
 * another host would. Inputs tried: no credentials (401), a business user's password (403), a
 * made-up token (401), and the bot's own token (acquire, then complete with a variable).
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExternalWorkerApiTest {

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBotAcquiresAndCompletesAnExternalWorkerJobOverHttp() throws Exception {
        String caseId = runtime.startProcessInstanceByKey("externalWorkerProbe").getId();
        String bearer = "Bearer " + tokens.issue("rpa-bot", "external-worker-test").token();

        HttpResponse<String> acquired = post("/acquire/jobs", bearer,
                "{\"topic\":\"clearflow.probe\",\"lockDuration\":\"PT1M\",\"numberOfTasks\":5,\"workerId\":\"probe-1\"}");
        assertThat(acquired.statusCode()).as(acquired.body()).isEqualTo(200);
        JsonNode jobs = json.readTree(acquired.body());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).path("processInstanceId").asText()).isEqualTo(caseId);

        HttpResponse<String> completed = post("/acquire/jobs/" + jobs.get(0).path("id").asText() + "/complete", bearer,
                "{\"workerId\":\"probe-1\",\"variables\":[{\"name\":\"checked\",\"type\":\"string\",\"value\":\"ok\"}]}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        // Flowable continues the process after an external completion in an async job; the
        // async executor is off in tests, so run that job here.
        management.createJobQuery().processInstanceId(caseId).list().forEach(job -> management.executeJob(job.getId()));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("checked")
                .singleResult().getValue()).isEqualTo("ok");
    }

    @Test
    void onlyBotsAndAdministratorsMayTakeWork() throws Exception {
        runtime.startProcessInstanceByKey("externalWorkerProbe");
        String acquire = "{\"topic\":\"clearflow.probe\",\"lockDuration\":\"PT1M\",\"numberOfTasks\":1,\"workerId\":\"x\"}";
        String businessUser = "Basic " + Base64.getEncoder().encodeToString("zhangsan:demo".getBytes(StandardCharsets.UTF_8));

        assertThat(post("/acquire/jobs", null, acquire).statusCode()).isEqualTo(401);
        assertThat(post("/acquire/jobs", "Bearer cf_madeup", acquire).statusCode()).isEqualTo(401);
        assertThat(post("/acquire/jobs", businessUser, acquire).statusCode()).isEqualTo(403);
        assertThat(management.createExternalWorkerJobQuery().locked().count()).isZero();
    }

    /** A second servlet beside Spring MVC's must not confuse the other chains' matchers. */
    @Test
    void theRestOfThePlatformStillAnswersBesideTheWorkerServlet() throws Exception {
        String businessUser = "Basic " + Base64.getEncoder().encodeToString("zhangsan:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", businessUser).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        assertThat(login.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/external-job-api" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
