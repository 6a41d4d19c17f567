package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("clearflow-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProcessOwnerTakesAScenarioThroughAllFiveSteps() throws Exception {
        signIn("sunqi");
        click(By.linkText("流程治理"));
        click(By.id("register-scenario"));

        // 1 identification
        type(By.id("name"), "浏览器回售审批");
        type(By.id("sourceReference"), "回售业务规则第 5 条");
        click(By.id("char-few-steps"));
        click(By.id("char-high-risk"));
        screenshot("gov-01-register");
        click(By.id("scenario-submit"));
        assertThat(text(By.id("scenario-stage"))).isEqualTo("已识别");

        // 2 classification: the recommendation is preselected; accept it
        assertThat(text(By.id("recommended-mode"))).isEqualTo("流程电子化");
        assertThat(text(By.id("recommendation-reasons"))).contains("环节少").contains("风险较高");
        click(By.id("classify-submit"));
        assertThat(text(By.id("accepted-mode"))).contains("流程电子化");
        assertThat(text(By.id("scenario-stage"))).isEqualTo("已分类");

        // 3 design: upload the model from a test resource, validate it, see the diagram
        Path model = Files.createTempFile("browser-putback", ".bpmn20.xml");
        try (InputStream in = getClass().getResourceAsStream("/governance/browser-putback.bpmn20.xml")) {
            Files.write(model, in.readAllBytes());
        }
        waitFor(By.id("design-file")).sendKeys(model.toAbsolutePath().toString());
        click(By.id("design-upload"));
        assertThat(text(By.id("report-valid"))).isEqualTo("校验通过");
        click(By.id("design-validate"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("report-valid"))).isEqualTo("校验通过");
        assertThat(text(By.id("scenario-stage"))).isEqualTo("已设计");
        WebElement diagram = waitFor(By.id("diagram-image"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].naturalWidth", diagram)).intValue() > 0);
        screenshot("gov-02-design");

        // 4 implementation
        click(By.id("publish-submit"));
        assertThat(text(By.cssSelector(".flash.ok"))).contains("已发布上线");
        assertThat(text(By.id("scenario-stage"))).isEqualTo("已上线");
        assertThat(text(By.id("versions"))).contains("v1").contains("生效").contains("首个版本");
        String scenarioUrl = browser.getCurrentUrl();

        // 5 improvement: a case of the published process, feedback from its task page
        var started = work.start(directory.requireMember("sunqi"), "govBrowserPutBack", "GB-1", Map.of());
        browser.get(url("/"));
        WebElement row = waitFor(By.cssSelector("tr.task-row[data-case='" + started.id() + "']"));
        assertThat(row.getText()).contains("复核");
        row.findElement(By.tagName("a")).click();
        new org.openqa.selenium.support.ui.Select(waitFor(By.id("feedback-rating"))).selectByValue("4");
        type(By.id("feedback-comment"), "复核环节清楚");
        screenshot("gov-03-task-feedback");
        click(By.id("feedback-submit"));
        assertThat(text(By.cssSelector(".flash.ok"))).contains("感谢您的评价");

        browser.get(scenarioUrl);
        assertThat(text(By.id("scenario-feedback"))).contains("复核环节清楚").contains("4 / 5");
        assertThat(text(By.id("audit-trail"))).contains("登记场景").contains("采纳推荐模式").contains("上传模型")
                .contains("发布上线").contains("流程评价").contains("sunqi");
        screenshot("gov-04-scenario");
        signOut();
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        click(By.id("login-submit"));
        waitFor(By.id("current-user"));
    }

    private void signOut() {
        click(By.id("logout"));
        waitFor(By.id("login-submit"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void click(By by) {
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    private String text(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
