package io.clearflow.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/** One headless Chromium and the steps the mode browser tests share (same flags as ReferenceLoopBrowserTest). */
final class ModesBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final int port;

    ModesBrowser(int port) throws Exception {
        this.port = port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("clearflow-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @Override
    public void close() {
        driver.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String user) {
        open("/login");
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        click(By.id("login-submit"));
        waitFor(By.id("current-user"));
    }

    void signOut() {
        click(By.id("logout"));
        waitFor(By.id("login-submit"));
    }

    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed instead, so a failure explains itself
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + "; the page shows:\n"
                    + page.substring(0, Math.min(page.length(), 1500)), e);
        }
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Fills a form field rendered from a form definition (ids are field-{key}). */
    void field(String key, String value) {
        WebElement element = waitFor(By.id("field-" + key));
        if ("select".equals(element.getTagName())) {
            new Select(element).selectByValue(value);
        } else {
            element.clear();
            // leave the field, so its check runs now and the page settles before the next click
            element.sendKeys(value, org.openqa.selenium.Keys.TAB);
        }
    }

    /** Waits until modes-forms.js has fetched the form's definition and guards its submit. */
    void formReady(String formId) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(By.id(formId)).getAttribute("data-form-ready")));
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** Opens the task of a case from the signed-in user's inbox. */
    void openTaskOf(String caseId) {
        WebElement row = waitFor(By.cssSelector("tr.task-row[data-case='" + caseId + "']"));
        row.findElement(By.tagName("a")).click();
        waitFor(By.id("task-name"));
    }

    /** Completes the open task through its form (decision and opinion). */
    void decide(boolean approve, String opinion) {
        formReady("task-form");
        field("approved", String.valueOf(approve));
        field("comment", opinion);
        click(By.id("task-form-submit"));
        waitFor(By.cssSelector(".flash.ok"));
    }

    void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
