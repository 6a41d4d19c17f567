package io.clearflow.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.clearflow.ClearFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A demand from submission to business acceptance in headless Chromium with Jira configured:
 * WireMock stands in for Jira Cloud (REST v3 JSON: search, create issue). The requester (zhangsan)
 * submits; IT demand management (zhouba) accepts, evaluates and splits it into two tasks, and the
 * page shows the two Jira keys (links into Jira) and "synced"; Jira received one create-issue
 * request per task with the demand id in the configured custom field. Jira then reports the issues
 * done, one by a signed webhook delivery and one by the reconciliation sync; the tracking view
 * shows both tasks done in Jira's words, zhouba hands over and zhangsan accepts.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:demand-jira-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class DemandWithJiraBrowserTest {

    static final String SECRET = "browser-webhook-secret";
    static final String FIELD = "customfield_10050";
    static final WireMockServer JIRA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1000);

    static {
        JIRA.start();
    }

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        registry.add("clearflow.demand.jira.base-url", JIRA::baseUrl);
        registry.add("clearflow.demand.jira.project", () -> "CLR");
        registry.add("clearflow.demand.jira.user-email", () -> "clearflow-bot@example.com");
        registry.add("clearflow.demand.jira.api-token", () -> "token-1");
        registry.add("clearflow.demand.jira.demand-field", () -> FIELD);
        registry.add("clearflow.demand.jira.webhook-secret", () -> SECRET);
    }

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopJira() {
        JIRA.stop();
    }

    /** Jira Cloud as WireMock plays it: no issue exists yet for a task; creating answers CLR-101, then CLR-102. */
    static void jiraCreatesIssues() {
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("cf-task-")))
                .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
        JIRA.stubFor(post("/rest/api/3/issue").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created("10101", "CLR-101")).willSetStateTo("second"));
        JIRA.stubFor(post("/rest/api/3/issue").inScenario("create").whenScenarioStateIs("second")
                .willReturn(created("10102", "CLR-102")).willSetStateTo("done"));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String id, String key) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + id + "\",\"key\":\"" + key + "\",\"self\":\"" + JIRA.baseUrl()
                        + "/rest/api/3/issue/" + id + "\"}");
    }

    static String issueJson(String key, List<String> labels, String status, String category) throws Exception {
        return "{\"id\":\"" + key.hashCode() + "\",\"key\":\"" + key + "\",\"fields\":{\"summary\":\"x\",\"status\":{\"name\":\""
                + status + "\",\"statusCategory\":{\"key\":\"" + category + "\"}},\"labels\":"
                + new ObjectMapper().writeValueAsString(labels) + "}}";
    }

    @Test
    void aDemandIsTrackedInJiraFromSplitToAcceptance() throws Exception {
        jiraCreatesIssues();
        Browser b = browser.get();
        b.signIn("zhangsan");
        b.open("/demand/new");
        b.type(By.id("title"), "清算对账差错自动识别");
        b.type(By.id("description"), "对账差错由系统标出");
        b.select(By.id("category"), "FEATURE");
        b.click(By.id("demand-submit"));
        b.waitFor(By.id("demand-state"));
        String id = b.lastPathSegment();
        assertThat(b.text(By.id("demand-state"))).isEqualTo("待受理");
        b.open("/");
        b.signOut();

        b.signIn("zhouba");
        b.open("/demand/" + id);
        b.click(By.id("triage-accept"));
        b.submit(By.id("triage-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("需求评估"); // not regulated: no compliance review
        b.type(By.id("valueScore"), "7");
        b.type(By.id("estimateDays"), "6");
        b.type(By.id("targetVersion"), "v3.1.0");
        b.submit(By.id("evaluate-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        b.type(By.id("task-title-1"), "对账接口");
        b.type(By.id("task-estimate-1"), "4");
        b.type(By.id("task-title-2"), "差错页面");
        b.type(By.id("task-estimate-2"), "2");
        b.submit(By.id("split-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("开发跟踪");

        // Jira got one create-issue request per task, with the demand id in the configured field
        var creates = JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
        assertThat(creates).hasSize(2);
        List<List<String>> labels = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (var request : creates) {
            JsonNode fields = json.readTree(request.getBodyAsString()).path("fields");
            assertThat(fields.path(FIELD).asText()).isEqualTo("DEM-" + id);
            assertThat(fields.path("project").path("key").asText()).isEqualTo("CLR");
            List<String> l = new ArrayList<>();
            fields.path("labels").forEach(n -> l.add(n.asText()));
            assertThat(l).contains("clearflow", "cf-demand-" + id);
            labels.add(l);
            summaries.add(fields.path("summary").asText());
            assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("clearflow-bot@example.com:token-1".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(String.join(" ", summaries)).contains("对账接口").contains("差错页面");

        // the user sees the Jira keys as links into Jira and the sync state; no local status form
        b.open("/demand/" + id);
        WebElement tasks = b.waitFor(By.id("demand-tasks"));
        assertThat(tasks.getText()).contains("CLR-101").contains("CLR-102").contains("已同步").doesNotContain("平台内跟踪");
        List<WebElement> links = tasks.findElements(By.cssSelector("a.jira-key"));
        assertThat(links).extracting(a -> a.getAttribute("href"))
                .containsExactlyInAnyOrder(JIRA.baseUrl() + "/browse/CLR-101", JIRA.baseUrl() + "/browse/CLR-102");
        assertThat(b.driver.findElements(By.cssSelector("form.task-form"))).isEmpty();
        b.screenshot("demand-jira-01-synced");

        // Jira: CLR-101 is done, told by a signed webhook delivery
        String body = "{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":"
                + issueJson("CLR-101", labels.get(0), "Done", "done") + ",\"changelog\":{\"items\":[{\"field\":\"status\"}]}}";
        HttpResponse<String> unsigned = webhook(body, "sha256=" + "0".repeat(64));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> delivered = webhook(body, sign(body));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        b.open("/demand/" + id);
        assertThat(taskRow("CLR-101").getText()).contains("已完成").contains("Done");
        assertThat(taskRow("CLR-102").getText()).contains("待开始");
        // handing over is refused while a task is open
        b.submit(By.id("deliver-submit"));
        b.waitFor(By.cssSelector(".flash"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("开发跟踪");

        // CLR-102 was closed in Jira and the webhook never came: the reconciliation sync finds it
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing("labels = \"clearflow\"")))
                .willReturn(okJson("{\"issues\":[" + issueJson("CLR-101", labels.get(0), "Done", "done") + ","
                        + issueJson("CLR-102", labels.get(1), "Closed", "done") + "],\"isLast\":true}")));
        HttpResponse<String> sync = http.send(HttpRequest.newBuilder(URI.create(b.url("/api/integrations/jira/sync")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("zhouba:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        b.open("/demand/" + id);
        assertThat(taskRow("CLR-101").getText()).contains("已完成");
        assertThat(taskRow("CLR-102").getText()).contains("已完成").contains("Closed");
        b.screenshot("demand-jira-02-done-in-jira");
        b.submit(By.id("deliver-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("业务验收");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.text(By.id("inbox"))).contains("业务验收").contains("DEM-" + id);
        b.open("/demand/" + id);
        assertThat(b.text(By.id("demand-tasks"))).contains("CLR-101").contains("CLR-102");
        b.click(By.id("acceptance-accept"));
        b.type(By.id("acceptance-reason"), "对账差错已能自动识别");
        b.submit(By.id("acceptance-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("已完成");
        assertThat(b.text(By.id("demand-history"))).contains("周八").contains("张三");
        b.screenshot("demand-jira-03-accepted");
        // Jira saw exactly two issues created over the whole flow: nothing was duplicated
        assertThat(JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).hasSize(2);
        b.open("/");
        b.signOut();
    }

    WebElement taskRow(String jiraKey) {
        return browser.get().waitFor(By.xpath("//table[@id='demand-tasks']//tr[contains(@class,'task-row')][.//*[contains(@class,'jira-key') and text()='"
                + jiraKey + "']]"));
    }

    HttpResponse<String> webhook(String body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(browser.get().url("/api/integrations/jira/webhook")))
                .header("Content-Type", "application/json").header("X-Hub-Signature", signature)
                .header("X-Atlassian-Webhook-Identifier", "browser-delivery-1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The signature Jira sends: HMAC-SHA256 of the raw body with the shared secret, hex, after "sha256=". */
    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
