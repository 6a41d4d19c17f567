package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner (sunqi, 运营管理部) takes a business scenario through the five governance steps
 * in a real headless Chromium: registers it, accepts the recommended mode, uploads a BPMN model,
 * validates it, sees the diagram, publishes it, and gives feedback from a task of the published
 * process; the scenario page then shows the version, the feedback and the audit trail.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:governance-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class GovernanceBrowserTest {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;

    @BeforeEach
    void startBrowser() throws Exception {
        if (browser == null) {
            browser = new Browser(port, 1280, 1600);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aProcessOwnerTakesAScenarioThroughAllFiveSteps() throws Exception {
        // the scenario page is long: every click scrolls its target to the middle of the window first
        Browser b = browser;
        b.signIn("sunqi");
        b.clickInView(By.linkText("流程治理"));
        b.clickInView(By.id("register-scenario"));

        // 1 identification
        b.type(By.id("name"), "浏览器回售审批");
        b.type(By.id("sourceReference"), "回售业务规则第 5 条");
        b.clickInView(By.id("char-few-steps"));
        b.clickInView(By.id("char-high-risk"));
        b.screenshot("gov-01-register");
        b.clickInView(By.id("scenario-submit"));
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已识别");

        // 2 classification: the recommendation is preselected; accept it
        assertThat(b.text(By.id("recommended-mode"))).isEqualTo("流程电子化");
        assertThat(b.text(By.id("recommendation-reasons"))).contains("环节少").contains("风险较高");
        b.clickInView(By.id("classify-submit"));
        assertThat(b.text(By.id("accepted-mode"))).contains("流程电子化");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已分类");

        // 3 design: upload the model from a test resource, validate it, see the diagram
        Path model = Files.createTempFile("browser-putback", ".bpmn20.xml");
        try (InputStream in = getClass().getResourceAsStream("/governance/browser-putback.bpmn20.xml")) {
            Files.write(model, in.readAllBytes());
        }
        b.present(By.id("design-file")).sendKeys(model.toAbsolutePath().toString());
        b.clickInView(By.id("design-upload"));
        assertThat(b.text(By.id("report-valid"))).isEqualTo("校验通过");
        b.clickInView(By.id("design-validate"));
        b.present(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("report-valid"))).isEqualTo("校验通过");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已设计");
        WebElement diagram = b.present(By.id("diagram-image"));
        b.within(Duration.ofSeconds(15)).until(d -> ((Number) b.script("return arguments[0].naturalWidth", diagram))
                .intValue() > 0);
        b.screenshot("gov-02-design");

        // 4 implementation
        b.clickInView(By.id("publish-submit"));
        assertThat(b.text(By.cssSelector(".flash.ok"))).contains("已发布上线");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已上线");
        assertThat(b.text(By.id("versions"))).contains("v1").contains("生效").contains("首个版本");
        String scenarioUrl = b.driver.getCurrentUrl();

        // 5 improvement: a case of the published process, feedback from its task page
        var started = work.start(directory.requireMember("sunqi"), "govBrowserPutBack", "GB-1", Map.of());
        b.open("/");
        WebElement row = b.present(Browser.taskRow(started.id()));
        assertThat(row.getText()).contains("复核");
        row.findElement(By.tagName("a")).click();
        b.select(By.id("feedback-rating"), "4");
        b.type(By.id("feedback-comment"), "复核环节清楚");
        b.screenshot("gov-03-task-feedback");
        b.clickInView(By.id("feedback-submit"));
        assertThat(b.text(By.cssSelector(".flash.ok"))).contains("感谢您的评价");

        b.driver.get(scenarioUrl);
        assertThat(b.text(By.id("scenario-feedback"))).contains("复核环节清楚").contains("4 / 5");
        assertThat(b.text(By.id("audit-trail"))).contains("登记场景").contains("采纳推荐模式").contains("上传模型")
                .contains("发布上线").contains("流程评价").contains("sunqi");
        b.screenshot("gov-04-scenario");
        b.signOut();
    }
}
