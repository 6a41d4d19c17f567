package io.clearflow.demand.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.demand.lifecycle.DemandInput;
import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.engine.identity.OrgDirectory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The demand portal with Jira configured (WireMock serving Jira Cloud's JSON): splitting creates one
 * issue per task and never a duplicate, Jira down leaves the tasks retrying without losing them,
 * the signed webhook and the reconciliation bring statuses back.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JiraSyncTest {

    static final String SECRET = "webhook-secret-1";
    static final WireMockServer JIRA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        JIRA.start();
    }

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        registry.add("clearflow.demand.jira.base-url", JIRA::baseUrl);
        registry.add("clearflow.demand.jira.api-token", () -> "token");
        registry.add("clearflow.demand.jira.user-email", () -> "bot@example.com");
        registry.add("clearflow.demand.jira.webhook-secret", () -> SECRET);
        registry.add("clearflow.demand.jira.max-attempts", () -> "2");
        registry.add("clearflow.demand.jira.backoff", () -> "10ms");
        registry.add("clearflow.demand.jira.page-size", () -> "2");
    }

    @AfterAll
    static void stop() {
        JIRA.stop();
    }

    @Autowired DemandService demands;
    @Autowired JiraSync sync;
    @Autowired OrgDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @BeforeEach
    void reset() {
        JIRA.resetAll();
    }

    /** A demand accepted and evaluated, ready to split. */
    long evaluatedDemand() {
        var requester = directory.requireMember("zhangsan");
        var manager = directory.requireMember("zhouba");
        long id = demands.submit(requester, new NewDemand("清算对账优化", "减少对账差错", "FEATURE", null, "NORMAL", false,
                null, null, null), List.of()).id();
        demands.triage(manager, id, true, null);
        demands.evaluate(manager, id, new DemandInput.Evaluation(7, new BigDecimal("8"), "P2", "v3.0"));
        return id;
    }

    List<java.util.Map<String, Object>> tasks(long demandId) {
        return jdbc.queryForList("SELECT id, jira_key, sync_state, sync_attempts, status FROM cf_demand_task "
                + "WHERE demand_id = ? ORDER BY id", demandId);
    }

    void split(long id) {
        demands.split(directory.requireMember("zhouba"), id, List.of(
                new DemandInput.NewTask("对账接口", new BigDecimal("5"), null),
                new DemandInput.NewTask("对账页面", new BigDecimal("3"), null)));
    }

    static String searchResult(String issuesJson) {
        return "{\"issues\":[" + issuesJson + "],\"isLast\":true}";
    }

    static String issue(String key, long taskId, String status, String category) {
        return "{\"id\":\"" + key.hashCode() + "\",\"key\":\"" + key + "\",\"fields\":{\"status\":{\"name\":\"" + status
                + "\",\"statusCategory\":{\"key\":\"" + category + "\"}},\"labels\":[\"clearflow\",\"cf-task-" + taskId
                + "\"],\"customfield_12345\":null}}";
    }

    @Test
    void jiraDownDuringSplitLeavesTasksRetryingAndARetryCreatesEachIssueOnce() throws Exception {
        JIRA.stubFor(post("/rest/api/3/search/jql").willReturn(aResponse().withStatus(503)));
        JIRA.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(503)));
        long id = evaluatedDemand();
        split(id);
        assertThat(tasks(id)).allSatisfy(t -> {
            assertThat(t.get("SYNC_STATE")).isEqualTo("RETRYING");
            assertThat(t.get("JIRA_KEY")).isNull();
        });
        mvc.perform(get("/api/demands/" + id).with(httpBasic("zhangsan", "demo")))
                .andExpect(jsonPath("$.demand.state").value("TRACKING"))
                .andExpect(jsonPath("$.tasks[0].syncState").value("RETRYING"))
                .andExpect(jsonPath("$.tasks[0].syncError").value(org.hamcrest.Matchers.containsString("503")));

        // Jira is back; the first creation answers, but the answer is "lost" for the second task's
        // issue: Jira has it already (as if we crashed after creating it), so it must be adopted
        JIRA.resetAll();
        long first = ((Number) tasks(id).get(0).get("ID")).longValue();
        long second = ((Number) tasks(id).get(1).get("ID")).longValue();
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("cf-task-" + first)))
                .willReturn(okJson(searchResult(""))));
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("cf-task-" + second)))
                .willReturn(okJson(searchResult(issue("DEM-77", second, "To Do", "new")))));
        JIRA.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"10076\",\"key\":\"DEM-76\"}")));
        jdbc.update("UPDATE cf_demand_task SET next_sync_at = NULL WHERE demand_id = ?", id); // the retry is due
        sync.retryDue();
        sync.retryDue(); // a second run (another node, a restart) finds nothing left to do
        assertThat(tasks(id)).extracting(t -> t.get("JIRA_KEY")).containsExactly("DEM-76", "DEM-77");
        assertThat(tasks(id)).extracting(t -> t.get("SYNC_STATE")).containsOnly("SYNCED");
        assertThat(JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).hasSize(1);
        assertThat(JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))).get(0).getBodyAsString())
                .contains("cf-task-" + first).contains("DEM-" + id);
    }

    @Test
    void aSignedWebhookUpdatesATaskOnceAndBadSignaturesChangeNothing() throws Exception {
        JIRA.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(searchResult(""))));
        JIRA.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\",\"key\":\"DEM-500\"}")));
        long id = evaluatedDemand();
        demands.split(directory.requireMember("zhouba"), id, List.of(new DemandInput.NewTask("单任务", null, null)));
        long taskId = ((Number) tasks(id).get(0).get("ID")).longValue();
        assertThat(tasks(id).get(0).get("SYNC_STATE")).isEqualTo("SYNCED"); // pushed right after the split committed

        String body = "{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\",\"key\":\"DEM-500\","
                + "\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}},\"labels\":[\"clearflow\","
                + "\"cf-task-" + taskId + "\"]}},\"changelog\":{\"items\":[{\"field\":\"status\"}]}}";
        webhook(body, "sha256=" + "0".repeat(64), "d-1").andExpect(status().isUnauthorized());
        webhook(body, null, "d-1").andExpect(status().isUnauthorized());
        webhook(body, "sha1=abc", "d-1").andExpect(status().isUnauthorized());
        assertThat(tasks(id).get(0).get("STATUS")).isEqualTo("TODO");

        webhook(body, sign(body), "d-1").andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true));
        assertThat(tasks(id).get(0).get("STATUS")).isEqualTo("DONE");
        // somebody reopens it here; the replayed delivery must not undo that
        jdbc.update("UPDATE cf_demand_task SET status = 'IN_PROGRESS' WHERE id = ?", taskId);
        webhook(body, sign(body), "d-1").andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
        assertThat(tasks(id).get(0).get("STATUS")).isEqualTo("IN_PROGRESS");
        // the same content without a delivery id is recognised by its hash
        webhook(body, sign(body), null).andExpect(status().isOk());
        jdbc.update("UPDATE cf_demand_task SET status = 'IN_PROGRESS' WHERE id = ?", taskId);
        webhook(body, sign(body), null).andExpect(jsonPath("$.duplicate").value(true));
        assertThat(tasks(id).get(0).get("STATUS")).isEqualTo("IN_PROGRESS");
        // a tampered body with the old signature is refused
        webhook(body.replace("Done", "To Do"), sign(body), "d-2").andExpect(status().isUnauthorized());
    }

    @Test
    void reconciliationReadsEveryPageAndAppliesTheMappedStatuses() throws Exception {
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("cf-task-")))
                .willReturn(okJson(searchResult(""))));
        JIRA.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\",\"key\":\"DEM-900\"}")));
        long id = evaluatedDemand();
        split(id);
        long a = ((Number) tasks(id).get(0).get("ID")).longValue();
        long b = ((Number) tasks(id).get(1).get("ID")).longValue();
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("labels = \"clearflow\"")))
                .withRequestBody(matchingJsonPath("$.nextPageToken", com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .willReturn(okJson("{\"issues\":[" + issue("DEM-900", a, "In Review", "indeterminate") + ","
                        + issue("OTHER-1", 999_999, "Done", "done") + "],\"nextPageToken\":\"p2\",\"isLast\":false}")));
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.nextPageToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("p2")))
                .willReturn(okJson("{\"issues\":[" + issue("DEM-901", b, "Custom Done Status", "done") + "],\"isLast\":true}")));
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/integrations/jira/sync").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pages").value(2)).andExpect(jsonPath("$.issues").value(3));
        assertThat(tasks(id)).extracting(t -> t.get("STATUS")).containsExactly("IN_PROGRESS", "DONE");
        assertThat(tasks(id)).extracting(t -> t.get("JIRA_KEY")).containsExactly("DEM-900", "DEM-901");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/integrations/jira/sync")
                .with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        // tasks linked to Jira are not edited here
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/demands/tasks/" + a)
                        .with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}"))
                .andExpect(status().isConflict());
    }

    ResultActions webhook(String body, String signature, String deliveryId) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/integrations/jira/webhook")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        if (deliveryId != null) {
            request.header("X-Atlassian-Webhook-Identifier", deliveryId);
        }
        return mvc.perform(request);
    }

    static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(JiraWebhookController.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }
}
