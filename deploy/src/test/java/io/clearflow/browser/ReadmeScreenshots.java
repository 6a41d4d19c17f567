package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The screenshots of the module READMEs: the main pages of each module, in Chinese and in English, at
 * 1280×800, written to {@code <module>/docs/screenshots/}. Not part of the suite (it writes into the source
 * tree); run it after a change to the pages:
 * {@code ./mvnw -o -q -pl deploy -am test -Dtest=ReadmeScreenshots -Dscreenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:readme-screenshots;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-screenshots"})
class ReadmeScreenshots {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 943); // a 1280×800 page below the window's own bar

    @Value("${local.server.port}") int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    private String taskOf(String user, String caseId) throws Exception {
        for (JsonNode task : call("GET", "/api/tasks?size=200", user, null)) {
            if (caseId.equals(task.get("caseId").asText())) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no task of " + caseId + " for " + user);
    }

    /** Both languages of one page, as {@code <name>-zh.png} and {@code <name>-en.png} in the module's folder. */
    private void shoot(Browser b, String module, String name, String path) throws Exception {
        Path folder = Path.of("..", module, "docs", "screenshots");
        Files.createDirectories(folder);
        for (String lang : List.of("zh_CN", "en")) {
            b.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            b.waitFor(By.tagName("main"));
            Thread.sleep(400); // charts and maps draw after the page has loaded
            Files.write(folder.resolve(name + "-" + (lang.startsWith("zh") ? "zh" : "en") + ".png"),
                    ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
        }
        b.open("/?lang=zh_CN");
    }

    @Test
    void mainPagesInBothLanguages() throws Exception {
        String approved = call("POST", "/api/approvals", "zhangsan",
                "{\"title\":\"托管账户变更\",\"amount\":1200,\"reason\":\"客户要求变更托管账户\"}").get("caseId").asText();
        String rejected = call("POST", "/api/approvals", "zhangsan",
                "{\"title\":\"费用报销\",\"amount\":88,\"reason\":\"差旅\"}").get("caseId").asText();
        String waiting = call("POST", "/api/approvals", "lisi",
                "{\"title\":\"新增托管产品\",\"amount\":5000,\"reason\":\"产品上线\"}").get("caseId").asText();
        call("POST", "/api/approvals/tasks/" + taskOf("lisi", approved) + "/decision", "lisi", "{\"approved\":true,\"comment\":\"材料齐全\"}");
        call("POST", "/api/approvals/tasks/" + taskOf("lisi", rejected) + "/decision", "lisi",
                "{\"approved\":false,\"comment\":\"发票与事由不符，请补充说明\"}");
        call("POST", "/api/approvals/tasks/" + taskOf("zhangsan", waiting) + "/decision", "zhangsan", "{\"approved\":true,\"comment\":\"同意\"}");
        long demand = call("POST", "/api/demands", "zhangsan", """
                {"title":"两融报表自动化","description":"每日自动生成两融余额报表","category":"REPORT",
                 "businessValue":"减少手工","urgency":"HIGH","regulatory":false,"regulationRef":null,"expectedDate":"2099-12-31"}""")
                .get("id").asLong();
        call("POST", "/api/demands", "lisi", """
                {"title":"托管对账单识别","description":"识别托管行对账单并自动核对","category":"FEATURE",
                 "businessValue":"每天节省两小时","urgency":"NORMAL","regulatory":false,"regulationRef":null,"expectedDate":"2099-06-30"}""");
        call("POST", "/api/demands/" + demand + "/triage", "zhouba", "{\"accepted\":true,\"reason\":\"受理\"}");

        Browser b = browser.get();
        b.signIn("zhangsan");
        shoot(b, "bpm-engine", "home", "/");
        shoot(b, "bpm-engine", "case", "/cases/" + rejected);
        b.signOut();
        b.signIn("hegui");
        b.openTaskOf(approved);
        shoot(b, "bpm-engine", "task", "/tasks/" + taskOf("hegui", approved));
        b.signOut();
        b.signIn("lisi");
        shoot(b, "bpm-engine", "done", "/tasks/done");
        b.signOut();
        b.signIn("sunqi");
        shoot(b, "bpm-engine", "governance", "/governance");
        shoot(b, "bpm-engine", "monitor-instances", "/monitor/instances");
        shoot(b, "process-mining", "platform-log", "/mining/logs/platform");
        shoot(b, "process-mining", "logs", "/mining");
        b.signOut();
        b.signIn("zhouba");
        shoot(b, "demand-portal", "detail", "/demand/" + demand);
        shoot(b, "demand-portal", "board", "/demand/board");
        shoot(b, "demand-portal", "stats", "/demand/stats");
        b.signOut();
        b.signIn("hegui");
        shoot(b, "regtech-feed", "tracker", "/regtech");
        b.signOut();
        b.signIn("zhengshi");
        shoot(b, "test-metrics", "overview", "/test-metrics");
        b.signOut();
        b.signIn("admin");
        shoot(b, "bpm-engine", "admin-users", "/admin/users");
        shoot(b, "demand-portal", "repair", "/demand/repair");
        shoot(b, "rpa-ocr-bots", "console", "/rpa");
        b.signOut();
    }
}
