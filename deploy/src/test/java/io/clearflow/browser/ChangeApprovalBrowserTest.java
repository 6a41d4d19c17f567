package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A production change approved in a real headless Chromium, each approval by the person whose inbox it lands in.
 * The version, its artifact, its reports and the test up to "passed exit" are set up over the REST API (their
 * pages have browser tests of their own); then wujiu raises the change in the form, cannot approve it himself
 * (the page says why), and chenqc, linops and zhouba each open their inbox task, follow its link to the change
 * page and approve; linops deploys.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:change-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-change-browser"})
class ChangeApprovalBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1200);

    @Autowired TestRestTemplate rest;

    static final String JUNIT = """
            <testsuite name="io.clearflow.app.OrderTest" tests="1" failures="0" errors="0" skipped="0" time="0.1">
              <testcase classname="io.clearflow.app.OrderTest" name="places" time="0.1"/>
            </testsuite>""";
    static final String SARIF = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"semgrep","rules":[]}},"results":[]}]}""";

    private long json(ResponseEntity<Map> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        return ((Number) response.getBody().get("id")).longValue();
    }

    private HttpEntity<LinkedMultiValueMap<String, Object>> file(String name, String content, Map<String, String> fields) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        fields.forEach(body::add);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /** A version of clearflow whose test submission passed exit and QC's review, set up over the API; returns the submission id. */
    private long passedSubmission() {
        var wujiu = rest.withBasicAuth("wujiu", "demo");
        var zhengshi = rest.withBasicAuth("zhengshi", "demo");
        long version = json(wujiu.postForEntity("/api/delivery/versions", Map.of("system", "clearflow", "version", "9.1.0"),
                Map.class), 201);
        long artifact = json(wujiu.postForEntity("/api/delivery/versions/" + version + "/artifacts",
                file("clearflow-9.1.0.jar", "jar bytes", Map.of()), Map.class), 201);
        for (String[] report : new String[][] {{"TEST-order.xml", JUNIT}, {"scan.sarif", SARIF}}) {
            assertThat(wujiu.postForEntity("/api/test-metrics/reports", file(report[0], report[1],
                    Map.of("project", "clearflow", "version", "9.1.0", "run", "1")), Map.class).getStatusCode().value())
                    .isEqualTo(201);
        }
        long submission = json(wujiu.postForEntity("/api/delivery/versions/" + version + "/test-submissions",
                Map.of("artifactId", artifact), Map.class), 201);
        assertThat(zhengshi.postForEntity("/api/delivery/test-submissions/" + submission + "/accept", null, Map.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(zhengshi.postForEntity("/api/delivery/test-submissions/" + submission + "/complete",
                Map.of("passed", true, "comment", "回归通过"), Map.class).getStatusCode().value()).isEqualTo(200);
        // QC reviews a passed exit before a change may be raised
        assertThat(rest.withBasicAuth("chenqc", "demo").postForEntity("/api/delivery/test-submissions/" + submission
                + "/qc-review", Map.of("approved", true), Map.class).getStatusCode().value()).isEqualTo(200);
        return submission;
    }

    @Test
    void aChangeIsRaisedApprovedByThreeDistinctPeopleAndDeployed() throws Exception {
        long submission = passedSubmission();
        Browser b = browser.get();

        b.signIn("wujiu");
        b.open("/delivery/test-submissions/" + submission);
        b.click(By.id("raise-change"));
        b.click(By.id("change-submit")); // nothing filled in: errors under the fields, nothing created
        b.waitFor(By.id("error-window"));
        assertThat(b.text(By.id("error-rollbackPlan"))).isNotBlank();
        b.type(By.id("window"), "2026-12-12 22:00–23:30");
        b.type(By.id("rollbackPlan"), "回退到上一制品");
        b.select(By.id("risk"), "high");
        b.screenshot("change-01-form");
        b.click(By.id("change-submit"));
        b.waitFor(By.id("change-key"));
        String id = b.lastPathSegment();
        String key = b.text(By.id("change-key"));
        assertThat(b.text(By.id("change-state"))).isEqualTo("审批中");
        assertThat(b.text(By.id("why-not"))).contains("职责分离");
        assertThat(b.driver.findElements(By.id("decision-form"))).isEmpty();
        Map<?, ?> change = (Map<?, ?>) rest.withBasicAuth("zhouba", "demo")
                .getForObject("/api/delivery/changes/" + id, Map.class).get("change");
        String caseId = (String) change.get("caseId");
        b.open("/");
        b.signOut();

        for (String approver : new String[] {"chenqc", "linops", "zhouba"}) {
            b.signIn(approver);
            assertThat(b.text(Browser.taskRow(caseId))).contains(key);
            b.openTaskOf(caseId); // the approval step in the ordinary inbox links to the change page
            b.click(By.id("module-link"));
            b.waitFor(By.id("decision-form"));
            b.type(By.id("comment"), approver + " 同意");
            b.submit(By.id("approve"));
            b.waitFor(By.cssSelector(".flash.ok"));
            if (approver.equals("linops")) {
                b.screenshot("change-02-approvals");
            }
            b.open("/");
            b.signOut();
        }

        b.signIn("linops");
        b.open("/delivery/changes/" + id);
        assertThat(b.text(By.id("change-state"))).isEqualTo("已批准");
        assertThat(b.text(By.id("approvals"))).contains("陈质控", "林运维", "周八");
        b.submit(By.id("deploy"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("deployment-id"))).isNotBlank();
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("change-03-deploying");
        b.open("/");
        b.signOut();
    }
}
