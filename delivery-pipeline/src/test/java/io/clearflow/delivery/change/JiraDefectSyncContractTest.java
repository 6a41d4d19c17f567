package io.clearflow.delivery.change;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A version's Jira defects into test metrics, against WireMock serving Jira Cloud's {@code /rest/api/3/search/jql}
 * answers (issues with summary, status category, priority, created, resolutiondate; token pagination): severity
 * from Jira's standard priority names, "found in" = affects versions, and the exit gate counting them.
 */
class JiraDefectSyncContractTest extends DeliveryFlowSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    static final WireMockServer JIRA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        JIRA.start();
    }

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        registry.add("clearflow.demand.jira.base-url", JIRA::baseUrl);
        registry.add("clearflow.demand.jira.user-email", () -> "ci@example.com");
        registry.add("clearflow.demand.jira.api-token", () -> "token");
        registry.add("clearflow.demand.jira.page-size", () -> "2");
        registry.add("clearflow.demand.jira.max-attempts", () -> "1");
        registry.add("clearflow.demand.jira.sync-interval", () -> "PT1H");
        // a key that must not reach the JQL: refused with the setting to fix
        registry.add("clearflow.delivery.defects.jira-projects.ctrade", () -> "CT\" OR project = \"X");
    }

    @AfterAll
    static void stop() {
        JIRA.stop();
    }

    static String issue(String key, String summary, String priority, String category, String resolved) {
        return """
                {"id":"1%s","key":"%s","self":"https://jira.example/rest/api/3/issue/1%s","fields":{"summary":"%s",
                 "status":{"name":"%s","statusCategory":{"id":2,"key":"%s","name":"x"}},
                 "priority":{"id":"3","name":"%s"},"created":"2026-12-01T09:15:00.000+0800","resolutiondate":%s}}"""
                .formatted(key.substring(key.indexOf('-') + 1), key, key.substring(key.indexOf('-') + 1), summary,
                        category.equals("done") ? "Done" : "In Progress", category, priority,
                        resolved == null ? "null" : "\"" + resolved + "\"");
    }

    long defects(Setup s) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_defect d JOIN tm_version v ON v.id = d.version_id "
                + "WHERE v.project = ? AND v.version = ?", Long.class, s.system(), s.label());
    }

    @Test
    void defectsAreReadPageByPageMappedAndHoldTheExitGate() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);
        long submission = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated())).get("id").asLong();
        postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/accept", "").andExpect(status().isOk());

        String jql = "project = \"CLEARFLOW\" AND issuetype = \"Bug\" AND affectedVersion = \"" + s.label() + "\" ORDER BY key";
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", equalTo(jql)))
                .withRequestBody(matchingJsonPath("$[?(!@.nextPageToken)]"))
                .willReturn(okJson("{\"issues\":[" + issue("CLEARFLOW-1", "下单金额错误", "High", "indeterminate", null) + ","
                        + issue("CLEARFLOW-2", "日志缺字段", "Highest", "done", "2026-12-02T10:00:00.000+0800")
                        + "],\"nextPageToken\":\"page-2\",\"isLast\":false}")));
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("page-2")))
                .willReturn(okJson("{\"issues\":[" + issue("CLEARFLOW-3", "提示文字", "Low", "new", null) + "],\"isLast\":true}")));

        // a QC reviewer or ops may not sync; an unknown version is 404; nothing written
        postJson("chenqc", "/api/delivery/versions/" + s.versionId() + "/defects/sync", "").andExpect(status().isForbidden());
        postJson("zhengshi", "/api/delivery/versions/987654321/defects/sync", "").andExpect(status().isNotFound());
        assertThat(defects(s)).isZero();

        postJson("zhengshi", "/api/delivery/versions/" + s.versionId() + "/defects/sync", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.jiraProject").value("CLEARFLOW"))
                .andExpect(jsonPath("$.defects").value(3)).andExpect(jsonPath("$.open").value(2));
        JIRA.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
                .withRequestBody(matchingJsonPath("$.fields", containing("priority")))
                .withHeader("Authorization", containing("Basic ")));
        assertThat(jdbc.queryForList("SELECT d.defect_key || ':' || d.severity || ':' || d.status FROM tm_defect d "
                + "JOIN tm_version v ON v.id = d.version_id WHERE v.project = ? AND v.version = ? ORDER BY d.defect_key",
                String.class, s.system(), s.label()))
                .containsExactly("CLEARFLOW-1:major:OPEN", "CLEARFLOW-2:critical:RESOLVED", "CLEARFLOW-3:trivial:OPEN");
        assertThat(timelineKinds(s.versionId())).contains("defects.synced");

        // syncing again updates by key instead of adding; the page's button does the same
        mvc.perform(MockMvcRequestBuilders.post("/delivery/versions/" + s.versionId() + "/defects/sync")
                        .with(user(users.loadUserByUsername("wujiu"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "delivery.defects.synced"));
        assertThat(defects(s)).isEqualTo(3);

        // the open major defect holds the exit gate although the tester says passed
        postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/complete", "{\"passed\":true,\"comment\":\"ok\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.gate.passed").value(false));
    }

    @Test
    void jiraDownIsAProblemDetailAndWritesNothing() throws Exception {
        Setup s = version(false);
        JIRA.stubFor(post("/rest/api/3/search/jql").withRequestBody(matchingJsonPath("$.jql", containing(s.label())))
                .willReturn(aResponse().withStatus(503).withBody("{\"errorMessages\":[\"maintenance\"]}")));
        postJson("zhengshi", "/api/delivery/versions/" + s.versionId() + "/defects/sync", "")
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.type").value("urn:clearflow:delivery:jira-unavailable"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        assertThat(defects(s)).isZero();
        assertThat(timelineKinds(s.versionId())).doesNotContain("defects.synced");
    }

    @Test
    void aProjectKeyThatIsNoJiraKeyIsRefusedBeforeJiraIsAsked() throws Exception {
        Setup s = version(true);
        postJson("zhengshi", "/api/delivery/versions/" + s.versionId() + "/defects/sync", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("jira-projects.ctrade")));
        assertThat(JIRA.getAllServeEvents().stream().filter(e -> e.getRequest().getBodyAsString().contains("OR project"))).isEmpty();
    }
}
