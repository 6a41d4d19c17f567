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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A regulated demand from submission to business acceptance in a real headless Chromium, each step
 * by the person whose inbox it lands in: the requester (zhangsan, 登记托管部) submits, IT demand
 * management (zhouba) triages, compliance (hegui) approves, zhouba evaluates, splits, tracks the
 * task and hands over, and zhangsan accepts. Jira is not configured: tasks are tracked here (the
 * Jira path is covered with WireMock in demand-portal's JiraSyncTest).
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:demand-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class DemandLifecycleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=zh-CN",
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
    void aRegulatedDemandGoesFromSubmissionToAcceptanceWithTheRightPeople() throws Exception {
        signIn("zhangsan");
        browser.get(url("/demand"));
        click(By.id("new-demand"));
        type(By.id("title"), "两融报表自动化");
        type(By.id("description"), "每日自动生成两融余额报表 <b>不要加粗</b>");
        new Select(waitFor(By.id("category"))).selectByValue("REPORT");
        click(By.id("regulatory"));
        type(By.id("regulationRef"), "证监会令第 1 号");
        screenshot("demand-01-form");
        click(By.id("demand-submit"));
        waitFor(By.id("demand-state"));
        String demandUrl = browser.getCurrentUrl();
        String id = demandUrl.substring(demandUrl.lastIndexOf('/') + 1);
        assertThat(text(By.id("demand-state"))).isEqualTo("待受理");
        assertThat(text(By.id("demand-description"))).contains("<b>不要加粗</b>");
        assertThat(browser.findElements(By.id("demand-actions"))).isEmpty();
        browser.get(url("/demand"));
        assertThat(text(By.id("my-demands"))).contains("DEM-" + id).contains("待受理");
        signOut();

        signIn("zhouba");
        assertThat(text(By.id("inbox"))).contains("需求受理").contains("DEM-" + id);
        browser.get(url("/demand/board"));
        WebElement card = waitFor(By.cssSelector(".kanban-card[data-demand='" + id + "']"));
        assertThat(card.findElement(By.xpath("ancestor::section")).getAttribute("data-state")).isEqualTo("SUBMITTED");
        screenshot("demand-02-board");
        card.findElement(By.cssSelector("a.card-action[data-action='TRIAGE']")).click();
        click(By.id("triage-accept"));
        type(By.id("triage-reason"), "受理");
        click(By.id("triage-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("合规审查");
        assertThat(browser.findElements(By.id("demand-actions"))).isEmpty();
        signOut();

        signIn("hegui");
        assertThat(text(By.id("inbox"))).contains("合规审查");
        browser.get(url("/demand/" + id));
        click(By.id("compliance-approve"));
        click(By.id("compliance-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("需求评估");
        signOut();

        signIn("zhouba");
        browser.get(url("/demand/" + id));
        type(By.id("valueScore"), "8");
        type(By.id("estimateDays"), "5");
        type(By.id("targetVersion"), "v2.3.0");
        click(By.id("evaluate-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("需求拆分");
        type(By.id("task-title-1"), "报表后端");
        type(By.id("task-estimate-1"), "3");
        type(By.id("task-title-2"), "报表页面");
        type(By.id("task-estimate-2"), "2");
        click(By.id("split-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("开发跟踪");
        assertThat(text(By.id("demand-tasks"))).contains("报表后端").contains("平台内跟踪");
        for (int i = 0; i < 2; i++) {
            WebElement form = browser.findElements(By.cssSelector("form.task-form")).get(i);
            new Select(form.findElement(By.name("status"))).selectByValue("DONE");
            WebElement actual = form.findElement(By.name("actualDays"));
            actual.clear();
            actual.sendKeys("2.5");
            form.findElement(By.tagName("button")).click();
            waitFor(By.cssSelector(".flash.ok"));
        }
        screenshot("demand-03-tracking");
        click(By.id("deliver-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("业务验收");
        browser.get(url("/demand/versions/v2.3.0"));
        assertThat(text(By.id("version-demands"))).contains("DEM-" + id).contains("报表页面");
        signOut();

        signIn("zhangsan");
        assertThat(text(By.id("inbox"))).contains("业务验收");
        browser.get(url("/demand/" + id));
        click(By.id("acceptance-accept"));
        type(By.id("acceptance-reason"), "验收通过");
        click(By.id("acceptance-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        assertThat(text(By.id("demand-state"))).isEqualTo("已完成");
        assertThat(text(By.id("demand-history"))).contains("zhouba").contains("hegui").contains("已完成");
        assertThat(text(By.id("timeline"))).contains("需求受理").contains("合规审查").contains("业务验收");
        screenshot("demand-04-done");
        browser.get(url("/demand/stats"));
        assertThat(text(By.id("stats-table"))).contains("登记托管部");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                "true".equals(d.findElement(By.id("trend-chart")).getAttribute("data-chart-ready")));
        screenshot("demand-05-stats");
        signOut();

        // another department's business user may not open it
        signIn("wangwu");
        browser.get(url("/demand/" + id));
        assertThat(browser.findElements(By.id("demand-state"))).isEmpty();
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
        browser.get(url("/"));
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
