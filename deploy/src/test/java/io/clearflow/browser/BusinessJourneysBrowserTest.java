package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The walkthrough of issue 12 as a test: seven demo users go through their journeys in a real headless
 * Chromium — start, decide, send back, reject with a reason, follow the case, upload a wrong file, switch
 * the language — and every page they see is audited ({@link PageAudit}): no 500, no missing or English
 * label on a Chinese page, no raw id where a name exists. Pages a role must not reach answer 403/404
 * inside the shell. The findings of all steps are reported together.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:journeys-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-journeys"})
@org.springframework.context.annotation.Import(BusinessJourneysBrowserTest.FailingPage.class)
class BusinessJourneysBrowserTest {

    /** A page that fails unexpectedly, to see the 500 page a person gets (a route, so no scan picks it up elsewhere). */
    @org.springframework.boot.test.context.TestConfiguration
    static class FailingPage {
        @org.springframework.context.annotation.Bean
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> boom() {
            return org.springframework.web.servlet.function.RouterFunctions.route()
                    .GET("/journey-test/boom", request -> {
                        throw new IllegalStateException("an unexpected failure, on purpose");
                    }).build();
        }
    }

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1400);

    /**
     * English that belongs on a Chinese page: the product's name, and names of outside sources as they call
     * themselves (the regulatory tracker's seeded feeds and their items).
     */
    static final Set<String> ALLOWED_ENGLISH = Set.of("ClearFlow", "API", "Hana Financial Group", "EBA news and press releases");

    @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port;

    private Browser b;
    private PageAudit audit;

    /** A REST call as a demo user (for what a journey needs set up, e.g. a published catalog process). */
    private String rest(String method, String path, String user, String contentType, byte[] body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", contentType)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    /** sunqi registers a scenario, classifies it, uploads its design and publishes it; its id. */
    private String publishedScenario() throws Exception {
        String json = "application/json";
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rest("POST", "/api/governance/scenarios", "sunqi", json, """
                {"name":"回售业务审批","description":"发行人回售业务","sourceType":"regulation","sourceReference":"回售业务规则第5条",
                 "ownerDepartment":"dept-operations","businessCategory":"issuer","characteristics":["few-steps","clear-steps"]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("id").asText();
        rest("POST", "/api/governance/scenarios/" + id + "/classification", "sunqi", json, "{\"mode\":\"electronic\"}".getBytes());
        byte[] bpmn;
        try (var in = getClass().getResourceAsStream("/governance/flowable-electronic.bpmn20.xml")) {
            bpmn = in.readAllBytes();
        }
        String boundary = "journey" + System.nanoTime();
        var multipart = new java.io.ByteArrayOutputStream();
        multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"putback.bpmn20.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes());
        multipart.writeBytes(bpmn);
        multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        rest("POST", "/api/governance/scenarios/" + id + "/design", "sunqi", "multipart/form-data; boundary=" + boundary,
                multipart.toByteArray());
        rest("POST", "/api/governance/scenarios/" + id + "/publication", "sunqi", json,
                "{\"runningInstances\":\"continue\"}".getBytes());
        return id;
    }

    private void visit(String who, String path) {
        b.open(path);
        b.waitFor(By.tagName("main"));
        audit.check(who, !path.contains("lang=en"));
    }

    private void signIn(String who) {
        b.signIn(who);
        audit.check(who, true);
    }

    private void signOut() {
        b.open("/?lang=zh_CN");
        b.signOut();
    }

    private void decide(String who, String caseId, String decision, String comment) {
        b.open("/");
        b.openTaskOf(caseId);
        audit.check(who, true);
        b.click(By.id(decision));
        b.type(By.id("comment"), comment);
        b.submit(By.id("decision-submit"));
        b.waitFor(By.cssSelector(".flash"));
        audit.check(who, true);
    }

    @Test
    void sevenPeopleWalkTheirJourneysWithoutAnErrorARawIdOrAnUntranslatedMessage() throws Exception {
        b = browser.get();
        audit = new PageAudit(b, ALLOWED_ENGLISH);

        // zhangsan (登记托管部) starts two approvals, the first with an amount the browser accepts but the server refuses
        signIn("zhangsan");
        visit("zhangsan", "/approvals/new");
        b.type(By.id("title"), "托管账户变更");
        b.script("arguments[0].value = '99999999999999999999'", b.waitFor(By.id("amount")));
        b.type(By.id("reason"), "客户要求变更托管账户");
        b.click(By.id("approval-submit"));
        b.waitFor(By.cssSelector(".field-error"));
        audit.check("zhangsan", true);
        assertThat(b.driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("托管账户变更");
        b.type(By.id("amount"), "1200");
        b.click(By.id("approval-submit"));
        b.waitFor(By.id("case-state"));
        String first = b.lastPathSegment();
        audit.check("zhangsan", true);
        visit("zhangsan", "/approvals/new");
        b.type(By.id("title"), "费用报销");
        b.type(By.id("amount"), "88");
        b.type(By.id("reason"), "差旅");
        b.click(By.id("approval-submit"));
        b.waitFor(By.id("case-state"));
        String second = b.lastPathSegment();
        visit("zhangsan", "/");
        visit("zhangsan", "/demand/new");
        b.type(By.id("title"), "两融报表自动化");
        b.type(By.id("description"), "每日自动生成两融余额报表");
        b.select(By.id("category"), "REPORT");
        b.click(By.id("demand-submit"));
        b.waitFor(By.id("demand-state"));
        String demand = b.lastPathSegment();
        audit.check("zhangsan", true);
        signOut();

        // lisi (登记托管部) approves the first, rejects the second: first without a reason (refused), then with one;
        // a wrong file is refused with a message; the text area counts
        signIn("lisi");
        decide("lisi", first, "approve", "材料齐全");
        b.open("/");
        b.openTaskOf(second);
        Path dir = Files.createTempDirectory("journey-files");
        Path exe = Files.write(dir.resolve("发票.pdf"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4});
        b.present(By.cssSelector("#attach-form input[type=file]")).sendKeys(exe.toString());
        b.submit(By.cssSelector("#attach-form button[type=submit]"));
        b.waitFor(By.cssSelector(".flash.error"));
        audit.check("lisi", true);
        b.click(By.id("reject"));
        b.click(By.id("decision-submit"));
        // a rejection without a reason: refused next to the comment, in Chinese
        b.waitForText(By.id("error-comment"), "驳回时请填写理由");
        audit.check("lisi", true);
        b.click(By.id("reject"));
        b.type(By.id("comment"), "发票与事由不符，请补充说明");
        assertThat(b.text(By.id("comment-count"))).contains("13").contains("2000");
        b.submit(By.id("decision-submit"));
        b.waitFor(By.cssSelector(".flash"));
        audit.check("lisi", true);
        visit("lisi", "/tasks/done");
        assertThat(b.text(By.id("done"))).contains("驳回").contains("同意");
        signOut();

        // hegui (合规部) sends the first back with a reason; lisi approves again; hegui approves and the case ends
        signIn("hegui");
        b.openTaskOf(first);
        audit.check("hegui", true);
        b.select(By.id("targetActivityId"), "departmentReview");
        b.type(By.id("sendBackReason"), "请补充变更授权书");
        b.submit(By.id("send-back-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        audit.check("hegui", true);
        signOut();
        signIn("lisi");
        decide("lisi", first, "approve", "已补充授权书");
        signOut();
        signIn("hegui");
        decide("hegui", first, "approve", "合规复核通过");
        b.waitForText(By.cssSelector(".flash.ok"), "结束");
        visit("hegui", "/demand/board");
        signOut();

        // zhouba (IT) rejects the demand with a reason at triage
        signIn("zhouba");
        visit("zhouba", "/demand/" + demand);
        b.click(By.id("triage-reject"));
        b.type(By.id("triage-reason"), "与现有报表重复");
        b.submit(By.id("triage-submit"));
        b.waitFor(By.cssSelector(".flash"));
        audit.check("zhouba", true);
        for (String page : List.of("/demand/board", "/demand/stats", "/demand/versions", "/test-metrics",
                "/test-metrics/maturity", "/test-metrics/dora", "/monitor/jobs", "/monitor/exceptions")) {
            visit("zhouba", page);
        }
        signOut();

        // zhangsan follows both cases and the demand: every opinion by name, the rejection's reason
        signIn("zhangsan");
        visit("zhangsan", "/cases/" + first);
        assertThat(b.text(By.id("case-opinions"))).contains("请补充变更授权书").contains("合规复核通过").contains("何合规");
        visit("zhangsan", "/cases/" + second);
        assertThat(b.text(By.id("case-opinions"))).contains("发票与事由不符").contains("李四");
        visit("zhangsan", "/demand/" + demand);
        visit("zhangsan", "/cases/" + first + "?lang=en");
        // the language switch of the shell, as a person uses it
        b.click(By.xpath("//div[contains(@class,'shell-user')]/a[normalize-space()='中文']"));
        b.waitForText(By.tagName("h2"), "两级审批");
        audit.check("zhangsan", true);
        b.click(By.xpath("//div[contains(@class,'shell-user')]/a[normalize-space()='English']"));
        b.waitForText(By.tagName("h2"), "Two-step approval");
        audit.check("zhangsan", false);
        b.click(By.xpath("//div[contains(@class,'shell-user')]/a[normalize-space()='中文']"));
        b.waitForText(By.tagName("h2"), "两级审批");
        signOut();

        // sunqi (process owner) uploads a wrong file to mining, looks at governance, switches language
        signIn("sunqi");
        visit("sunqi", "/mining");
        Path fake = Files.write(dir.resolve("setup.xes"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4});
        b.driver.findElement(By.id("mining-file")).sendKeys(fake.toString());
        b.click(By.id("mining-upload-submit"));
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#mining-upload-status.error")));
        audit.check("sunqi", true);
        String scenario = publishedScenario();
        for (String page : List.of("/governance", "/governance/scenarios/" + scenario, "/governance/validate",
                "/mining/logs/platform", "/monitor/instances", "/monitor/departments", "/monitor/statistics", "/events",
                "/tasks/done", "/regtech", "/regtech/assessments", "/reconciliation")) {
            visit("sunqi", page);
        }
        visit("sunqi", "/governance/scenarios/" + scenario + "?lang=en");
        visit("sunqi", "/governance?lang=en");
        visit("sunqi", "/?lang=en");
        signOut();

        // issuer01 (external participant): their own pages open; internal ones answer 403 inside the shell,
        // another's case 404
        signIn("issuer01");
        for (String page : List.of("/", "/selfservice", "/selfservice/new", "/putback/new", "/account-opening/new",
                "/tasks/done", "/?lang=en", "/selfservice?lang=en", "/?lang=zh_CN")) {
            visit("issuer01", page);
        }
        for (String page : List.of("/demand", "/demand/board", "/monitor/jobs", "/events", "/governance", "/mining",
                "/admin/users", "/approvals/new")) {
            b.open(page);
            assertThat(audit.refused("403")).as("issuer01 refused " + page).isTrue();
            assertThat(b.driver.findElements(By.id("current-user"))).as("the shell on the 403 of " + page).isNotEmpty();
            audit.check("issuer01", true);
        }
        b.open("/cases/" + first);
        assertThat(audit.refused("404")).as("issuer01 and zhangsan's case").isTrue();
        signOut();

        // admin: an unexpected failure is a 500 page inside the shell, in the admin's language; then users, the
        // repair page, monitoring, the event log, in both languages
        signIn("admin");
        b.open("/journey-test/boom");
        assertThat(audit.refused("500")).as("the 500 page, not: " + b.driver.findElement(By.tagName("body")).getText()).isTrue();
        assertThat(b.driver.findElements(By.id("current-user"))).as("the shell on the 500 page").isNotEmpty();
        assertThat(b.text(By.id("error-message"))).contains("系统出现意外错误");
        b.open("/journey-test/boom?lang=en");
        assertThat(b.text(By.id("error-message"))).contains("unexpected error");
        b.open("/?lang=zh_CN");
        for (String page : List.of("/admin/users", "/admin/units", "/admin/bots", "/demand/repair", "/monitor/jobs",
                "/monitor/instances", "/monitor/departments", "/monitor/exceptions", "/events", "/governance", "/rpa",
                "/regtech/sources")) {
            visit("admin", page);
        }
        for (String page : List.of("/admin/users?lang=en", "/demand/repair?lang=en", "/events?lang=en", "/?lang=en")) {
            visit("admin", page);
        }
        signOut();

        assertThat(audit.findings()).as("what the journeys met").isEmpty();
    }
}
