package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.accountopening.SpecimenCard;
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
 * Account opening with its bot in a real headless Chromium: an investor applies with an ID card that
 * shows another name, the process owner presses 立即运行 in the bot console and sees the run hand the
 * case over, and 赵六 of 账户管理部 opens the account from the task page showing the bot's findings.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rpa-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=true", "clearflow.data-dir=target/data"})
class RpaConsoleBrowserTest {

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
    void aHandedOverApplicationShowsInTheConsoleAndAccountManagementOpensIt() throws Exception {
        Path card = Files.createTempFile("id-card", ".png");
        Files.write(card, SpecimenCard.render("王小明", "110105199001011232", "北京市朝阳区建国路1号", "png"));

        signIn("issuer01");
        click(By.id("start-account-opening"));
        type(By.id("name"), "王大明");
        type(By.id("idNumber"), "110105199001011232");
        type(By.id("phone"), "13800000000");
        type(By.id("address"), "北京市朝阳区建国路1号");
        browser.findElement(By.id("image")).sendKeys(card.toAbsolutePath().toString());
        screenshot("rpa-01-application");
        click(By.id("account-opening-submit"));
        waitFor(By.id("case-state"));
        String caseUrl = browser.getCurrentUrl();
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        assertThat(text(By.id("ao-status"))).contains("待机器人审核");
        signOut();

        signIn("sunqi");
        browser.get(url("/rpa"));
        WebElement bot = waitFor(By.id("bot-account-opening"));
        assertThat(bot.getText()).contains("开户机器人").contains("account-opening-check");
        bot.findElement(By.cssSelector("button.run-now")).click();
        waitFor(By.cssSelector(".flash.ok"));
        // the run goes on in the background: reload until it has finished
        new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2)).until(b -> {
            b.navigate().refresh();
            var runs = b.findElements(By.cssSelector("#runs-account-opening tr.run"));
            return !runs.isEmpty() && runs.get(0).findElement(By.cssSelector(".items-handed")).getText().equals("1");
        });
        assertThat(text(By.cssSelector("#runs-account-opening tr.run"))).contains("立即运行").contains("sunqi");
        assertThat(text(By.cssSelector("#runs-account-opening ul.handed"))).contains(caseId);
        screenshot("rpa-02-console");
        signOut();

        signIn("zhaoliu");
        WebElement row = waitFor(By.cssSelector("tr.task-row[data-case='" + caseId + "']"));
        assertThat(row.getText()).contains("人工审核开户");
        row.findElement(By.tagName("a")).click();
        assertThat(text(By.id("ao-findings"))).contains("王小明").contains("王大明");
        assertThat(waitFor(By.id("ao-image")).getAttribute("naturalWidth")).isNotEqualTo("0");
        screenshot("rpa-03-review");
        click(By.id("ao-open"));
        type(By.id("ao-comment"), "核对原件，曾用名");
        click(By.id("ao-decision-submit"));
        waitFor(By.cssSelector(".flash.ok"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(b -> {
            b.get(caseUrl);
            return b.findElement(By.id("case-state")).getText().contains("已开户");
        });
        assertThat(text(By.id("ao-account-no"))).startsWith("CF");
        screenshot("rpa-04-opened");
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
