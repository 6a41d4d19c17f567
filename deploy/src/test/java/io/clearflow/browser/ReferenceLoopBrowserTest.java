package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole loop of the reference process in a real headless Chromium, as its users would do it:
 * a business user submits a request, a colleague of the same department finds it in the inbox and
 * approves it, compliance approves it, and the requester sees it completed with its history.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class ReferenceLoopBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=zh-CN",
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
    void aRequestGoesThroughBothReviewsAndTheRequesterSeesItCompleted() throws Exception {
        signIn("zhangsan");
        click(By.id("start-reference"));
        type(By.id("title"), "浏览器测试申请");
        type(By.id("amount"), "1234.50");
        type(By.id("reason"), "端到端测试");
        screenshot("01-request-form");
        click(By.id("approval-submit"));
        waitFor(By.id("case-state"));
        String caseUrl = browser.getCurrentUrl();
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        assertThat(text(By.id("case-state"))).contains("进行中");
        assertThat(text(By.id("timeline"))).contains("部门审核").contains("到达");
        signOut();

        signIn("lisi");
        WebElement row = waitFor(By.cssSelector("tr.task-row[data-case='" + caseId + "']"));
        assertThat(row.getText()).contains("部门审核").contains("待认领");
        screenshot("02-inbox");
        row.findElement(By.tagName("a")).click();
        assertThat(text(By.id("approval-title"))).isEqualTo("浏览器测试申请");
        click(By.id("approve"));
        type(By.id("comment"), "同意");
        click(By.id("decision-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(browser.findElements(By.cssSelector("tr.task-row[data-case='" + caseId + "']"))).isEmpty();
        signOut();

        signIn("hegui");
        row = waitFor(By.cssSelector("tr.task-row[data-case='" + caseId + "']"));
        assertThat(row.getText()).contains("合规复核");
        row.findElement(By.tagName("a")).click();
        click(By.id("approve"));
        click(By.id("decision-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        signOut();

        signIn("zhangsan");
        browser.get(caseUrl);
        assertThat(text(By.id("case-state"))).contains("已结束").contains("审批通过");
        assertThat(text(By.id("timeline"))).contains("合规复核").contains("hegui").contains("lisi");
        screenshot("03-case-completed");

        browser.get(url("/cases/" + caseId + "?lang=en"));
        assertThat(text(By.id("case-state"))).contains("Completed");
        browser.get(url("/?lang=zh_CN"));
        signOut();

        signIn("admin");
        browser.get(url("/events?caseId=" + caseId));
        assertThat(text(By.id("event-table"))).contains("部门审核").contains("合规复核").contains("审批通过");
        screenshot("04-event-log");
        signOut();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndAnEmptyFormIsNotSent() {
        browser.get(url("/login"));
        type(By.id("username"), "zhangsan");
        type(By.id("password"), "wrong-password");
        click(By.id("login-submit"));
        assertThat(text(By.cssSelector(".flash.error"))).contains("用户名或密码错误");

        signIn("zhangsan");
        browser.get(url("/approvals/new"));
        click(By.id("approval-submit"));
        // the browser's own validation keeps an incomplete form on the page
        assertThat(browser.getCurrentUrl()).endsWith("/approvals/new");
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.getElementById('approval-form').checkValidity()")).isFalse();
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
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    private String text(By by) {
        return waitFor(by).getText();
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
