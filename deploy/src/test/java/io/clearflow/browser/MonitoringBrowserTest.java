package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.monitor.FlakyLedger;
import io.clearflow.engine.work.WorkService;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
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
 * Monitoring in a real headless Chromium: a service task fails because the ledger it books with is
 * down; an operations user finds the failed job in job monitoring, reads its stack trace, and after
 * the ledger is repaired retries it from the page, and the instance moves on to its next step. The
 * usage statistics page draws its charts. The failing process ({@code monitorRepairable}) and its
 * ledger ({@link FlakyLedger}) come with the engine's test jar. The async executor is off, so the
 * test runs the job where the executor would, and the figures do not depend on its timing.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:monitoring-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class MonitoringBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired FlakyLedger ledger;

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
    void opsSeesTheFailingJobRetriesItAfterTheFixAndTheStatisticsChartRenders() throws Exception {
        ledger.breakDown();
        String caseId = work.start(directory.requireMember("zhangsan"), "monitorRepairable", "BRW-1", Map.of()).id();
        String jobId = management.createJobQuery().processInstanceId(caseId).singleResult().getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);

        signIn("linops");
        browser.get(url("/monitor/jobs"));
        WebElement row = waitFor(By.cssSelector("tr.job-row[data-case='" + caseId + "']"));
        assertThat(row.getText()).contains("等待重试").contains("Book with the ledger");
        screenshot("monitor-01-failed-job");
        row.findElement(By.cssSelector("td:nth-child(5) a")).click();
        assertThat(text(By.id("root-cause"))).contains("ledger unreachable");
        assertThat(text(By.id("stacktrace"))).contains("FlakyLedger.book");
        screenshot("monitor-02-job-detail");

        browser.get(url("/monitor/instances?status=failed"));
        assertThat(text(By.cssSelector("tr.instance-row[data-case='" + caseId + "']"))).contains("作业失败");

        // the cause is fixed (the ledger is back); the operator retries from the job page
        ledger.repair();
        browser.get(url("/monitor/jobs"));
        waitFor(By.cssSelector("tr.job-row[data-case='" + caseId + "'] td:nth-child(5) a")).click();
        click(By.id("job-retry"));
        assertThat(text(By.cssSelector(".flash.ok"))).contains("重试");
        String executable = management.createJobQuery().processInstanceId(caseId).singleResult().getId();
        management.executeJob(executable); // where the async executor would run it

        browser.get(url("/monitor/instances/" + caseId));
        assertThat(text(By.id("instance-status"))).contains("运行中");
        assertThat(text(By.id("run-log"))).contains("Book with the ledger").contains("Confirm booking");
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey()).isEqualTo("confirm");
        screenshot("monitor-03-instance-continued");
        browser.get(url("/monitor/jobs"));
        assertThat(browser.findElements(By.cssSelector("tr.job-row[data-case='" + caseId + "']"))).isEmpty();

        browser.get(url("/monitor/statistics"));
        WebElement chart = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart-process-volume[data-chart-ready='true']")));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart-department-duration[data-chart-ready='true']")));
        assertThat(text(By.id("stats-process"))).contains("Repairable booking (test)");
        screenshot("monitor-04-statistics");
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
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
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
