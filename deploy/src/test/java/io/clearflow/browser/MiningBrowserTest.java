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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * A process owner uploads a shared real log in Chromium, sees the process map, thins it with the
 * activity-coverage slider and sees the metrics chart drawn.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:mining-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-mining-browser"})
class MiningBrowserTest {

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

    static Path sharedLog(String name) {
        Path file = Path.of(System.getProperty("clearflow.shared.data", "../../shared/data"), "eventlogs", name)
                .toAbsolutePath().normalize();
        assertThat(file).as("shared event log (set -Dclearflow.shared.data)").isRegularFile();
        return file;
    }

    @Test
    void uploadSeeTheMapMoveTheSliderAndSeeTheMetricsChart() throws Exception {
        signIn("sunqi");
        click(By.cssSelector("a[href='/mining']"));
        waitFor(By.id("mining-upload"));
        browser.findElement(By.id("mining-file")).sendKeys(sharedLog("reviewing.xes").toString());
        click(By.id("mining-upload-submit"));

        WebElement map = new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-map[data-map-ready='true']")));
        assertThat(text(By.id("log-title"))).isEqualTo("reviewing.xes");
        assertThat(text(By.id("summary-cases"))).isEqualTo("100");
        int allActivities = Integer.parseInt(map.getAttribute("data-activities"));
        int allEdges = Integer.parseInt(map.getAttribute("data-edges"));
        assertThat(allActivities).isEqualTo(14); // every activity of the log at 100%
        assertThat(map.findElements(By.tagName("canvas"))).isNotEmpty();
        screenshot("mining-01-map");

        // the slider to its lowest value: only the most frequent activities stay
        WebElement slider = browser.findElement(By.id("activity-coverage"));
        slider.click();
        slider.sendKeys(Keys.HOME);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                Integer.parseInt(map.getAttribute("data-activities")) < allActivities);
        assertThat(Integer.parseInt(map.getAttribute("data-edges"))).isLessThan(allEdges);
        assertThat(text(By.id("activity-coverage-value"))).isEqualTo("1%");
        screenshot("mining-02-map-thinned");

        WebElement chart = browser.findElement(By.id("chart-process"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", chart);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(chart,
                "data-chart-ready", "true"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart-waiting")).getAttribute("data-chart-ready")).isEqualTo("true");
        screenshot("mining-03-metrics");
        assertThat(browser.getPageSource()).doesNotContain("??");
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        click(By.id("login-submit"));
        waitFor(By.id("current-user"));
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
