package io.clearflow.demand.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jira client against WireMock serving responses shaped like Jira's documented JSON: Cloud v3
 * ({@code /search/jql} with {@code nextPageToken}, ADF bodies) and Server/DC v2 ({@code /search}
 * with {@code startAt}/{@code total}); 401, 404, 400 for an unknown custom field, 429 with
 * Retry-After, 5xx with backoff, and fields the client does not know in the answers.
 */
class JiraClientContractTest {

    static WireMockServer jira;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        jira = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        jira.start();
    }

    @AfterAll
    static void stop() {
        jira.stop();
    }

    @BeforeEach
    void reset() {
        jira.resetAll();
    }

    static JiraProperties properties(JiraProperties.Flavour flavour, int pageSize) {
        return new JiraProperties(jira.baseUrl(), flavour, "DEM", "Task", "bot@example.com", "token-123",
                flavour == JiraProperties.Flavour.SERVER ? "pat-456" : null, "customfield_10050", "secret", null,
                null, null, 3, Duration.ofMillis(10), Duration.ofSeconds(2), pageSize, Duration.ofSeconds(5));
    }

    static String issue(String key, String status, String category, String... labels) {
        return """
                {"id":"1%s","key":"%s","self":"https://example.atlassian.net/rest/api/3/issue/1",
                 "fields":{"status":{"name":"%s","statusCategory":{"id":3,"key":"%s","name":"x"}},
                 "labels":%s,"customfield_99999":{"unknown":"shape"},"priority":{"name":"Medium"}}}"""
                .formatted(key.replaceAll("\\D", ""), key, status, category, labelsJson(labels));
    }

    private static String labelsJson(String... labels) {
        return "[" + String.join(",", java.util.Arrays.stream(labels).map(l -> "\"" + l + "\"").toList()) + "]";
    }

    @Test
    void cloudCreatesAnIssueWithAdfDescriptionTheDemandFieldAndApiTokenAuth() {
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"10001\",\"key\":\"DEM-1\",\"self\":\"https://x/rest/api/3/issue/10001\"}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 50), json);
        var ref = client.createIssue(new JiraClient.NewIssue("报表后端", "第一行\n第二行", List.of("clearflow", "cf-task-7"), "DEM-3"));
        assertThat(ref.key()).isEqualTo("DEM-1");
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("bot@example.com:token-123".getBytes())))
                .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("DEM")))
                .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Task")))
                .withRequestBody(matchingJsonPath("$.fields.customfield_10050", equalTo("DEM-3")))
                .withRequestBody(matchingJsonPath("$.fields.labels[1]", equalTo("cf-task-7")))
                .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc")))
                .withRequestBody(matchingJsonPath("$.fields.description.content[1].content[0].text", equalTo("第二行"))));
    }

    @Test
    void serverCreatesWithPlainTextAndAPersonalAccessToken() {
        jira.stubFor(post("/rest/api/2/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"2\",\"key\":\"DEM-2\"}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.SERVER, 50), json);
        client.createIssue(new JiraClient.NewIssue("任务", "说明", List.of("clearflow"), "DEM-9"));
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
                .withHeader("Authorization", equalTo("Bearer pat-456"))
                .withRequestBody(matchingJsonPath("$.fields.description", equalTo("说明"))));
    }

    @Test
    void cloudSearchFollowsNextPageTokensToTheLastPage() {
        jira.stubFor(post("/rest/api/3/search/jql").withRequestBody(equalToJson("{\"jql\":\"labels = clearflow\",\"maxResults\":2,\"fields\":[\"status\",\"labels\"]}"))
                .willReturn(okJson("{\"issues\":[" + issue("DEM-1", "To Do", "new", "clearflow") + "," + issue("DEM-2", "Done", "done")
                        + "],\"nextPageToken\":\"tok-2\",\"isLast\":false}")));
        jira.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("tok-2")))
                .willReturn(okJson("{\"issues\":[" + issue("DEM-3", "In Progress", "indeterminate") + "],\"isLast\":true}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 2), json);
        List<JiraClient.Issue> all = new ArrayList<>();
        int pages = client.searchAll("labels = clearflow", all::addAll);
        assertThat(pages).isEqualTo(2);
        assertThat(all).extracting(JiraClient.Issue::key).containsExactly("DEM-1", "DEM-2", "DEM-3");
        assertThat(all.get(0).labels()).containsExactly("clearflow");
        assertThat(all.get(2).statusCategory()).isEqualTo("indeterminate");
    }

    @Test
    void serverSearchPagesWithStartAtUntilTotal() {
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).withQueryParam("startAt", equalTo("0"))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":2,\"total\":3,\"issues\":[" + issue("DEM-1", "Open", "new") + ","
                        + issue("DEM-2", "Closed", "done") + "]}")));
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).withQueryParam("startAt", equalTo("2"))
                .willReturn(okJson("{\"startAt\":2,\"maxResults\":2,\"total\":3,\"issues\":[" + issue("DEM-3", "Open", "new") + "]}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.SERVER, 2), json);
        List<JiraClient.Issue> all = new ArrayList<>();
        assertThat(client.searchAll("project = DEM", all::addAll)).isEqualTo(2);
        assertThat(all).extracting(JiraClient.Issue::key).containsExactly("DEM-1", "DEM-2", "DEM-3");
        jira.verify(getRequestedFor(urlPathEqualTo("/rest/api/2/search")).withQueryParam("jql", equalTo("project = DEM")));
    }

    @Test
    void transitionsAndCommentsUseTheDocumentedShapes() {
        jira.stubFor(get("/rest/api/3/issue/DEM-1/transitions").willReturn(okJson(
                "{\"expand\":\"transitions\",\"transitions\":[{\"id\":\"21\",\"name\":\"开始\",\"to\":{\"name\":\"In Progress\","
                        + "\"statusCategory\":{\"key\":\"indeterminate\"}},\"hasScreen\":false}]}")));
        jira.stubFor(post("/rest/api/3/issue/DEM-1/transitions").willReturn(aResponse().withStatus(204)));
        jira.stubFor(post("/rest/api/3/issue/DEM-1/comment").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"100\"}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 50), json);
        assertThat(client.transitions("DEM-1")).containsExactly(new JiraClient.Transition("21", "开始", "In Progress"));
        client.transition("DEM-1", "21");
        client.addComment("DEM-1", "已验收");
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEM-1/transitions"))
                .withRequestBody(equalToJson("{\"transition\":{\"id\":\"21\"}}")));
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEM-1/comment"))
                .withRequestBody(matchingJsonPath("$.body.content[0].content[0].text", equalTo("已验收"))));
    }

    @Test
    void unauthorizedNotFoundAndUnknownCustomFieldsAreTypedAndNotRetried() {
        jira.stubFor(get("/rest/api/3/issue/DEM-1/transitions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}")));
        jira.stubFor(get("/rest/api/3/issue/NOPE-9/transitions").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}")));
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[],\"errors\":{\"customfield_10050\":\"Field 'customfield_10050' cannot be set. "
                        + "It is not on the appropriate screen, or unknown.\"}}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 50), json);
        assertThatThrownBy(() -> client.transitions("DEM-1")).isInstanceOf(JiraException.Unauthorized.class)
                .hasMessageContaining("not authenticated");
        assertThatThrownBy(() -> client.transitions("NOPE-9")).isInstanceOf(JiraException.NotFound.class);
        assertThatThrownBy(() -> client.createIssue(new JiraClient.NewIssue("t", null, List.of(), "DEM-1")))
                .isInstanceOfSatisfying(JiraException.Rejected.class,
                        e -> assertThat(e.fieldErrors()).containsKey("customfield_10050"));
        assertThat(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).hasSize(1);
        assertThat(jira.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEM-1/transitions")))).hasSize(1);
    }

    @Test
    void rateLimitingIsWaitedOutWithRetryAfterAndServerErrorsAreRetried() {
        jira.stubFor(get("/rest/api/3/issue/DEM-1/transitions").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("503"));
        jira.stubFor(get("/rest/api/3/issue/DEM-1/transitions").inScenario("busy").whenScenarioStateIs("503")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        jira.stubFor(get("/rest/api/3/issue/DEM-1/transitions").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"transitions\":[]}")));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 50), json);
        long started = System.nanoTime();
        assertThat(client.transitions("DEM-1")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(jira.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEM-1/transitions")))).hasSize(3);
    }

    @Test
    void jiraStayingDownEndsAsUnavailableAfterTheLastAttempt() {
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(502)));
        var client = new JiraClient(properties(JiraProperties.Flavour.CLOUD, 50), json);
        assertThatThrownBy(() -> client.createIssue(new JiraClient.NewIssue("t", null, List.of(), null)))
                .isInstanceOf(JiraException.Unavailable.class).hasMessageContaining("502");
        assertThat(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).hasSize(3);

        var unreachable = new JiraClient(new JiraProperties("http://127.0.0.1:1", JiraProperties.Flavour.CLOUD, "DEM", null,
                null, null, null, null, null, null, null, null, 2, Duration.ofMillis(10), null, null, Duration.ofSeconds(2)), json);
        assertThatThrownBy(() -> unreachable.transitions("DEM-1")).isInstanceOfSatisfying(JiraException.Unavailable.class,
                e -> assertThat(e.status()).isZero());
    }
}
