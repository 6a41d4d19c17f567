package io.clearflow.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/**
 * One headless Chromium for the browser tests, and the page steps they share.
 *
 * <p>The flags are needed on this machine: the closed network refuses Chromium's background
 * connections (component updates, sync, background networking), which would otherwise stall or fail
 * the start; the sandbox and /dev/shm are not available to the build user; and each run gets its own
 * profile directory so runs do not share state.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;
    private final int port;

    /** A 1280×1400 window. */
    Browser(int port) throws Exception {
        this(port, 1280, 1400);
    }

    Browser(int port, int width, int height) throws Exception {
        this.port = port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=zh-CN",
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

    /** The last segment of the current address, e.g. the id of the case or demand just created. */
    String lastPathSegment() {
        String current = driver.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
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

    /** A wait with its own timeout, for steps that take longer (or shorter) than {@link #WAIT}. */
    WebDriverWait within(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    WebElement waitFor(By by) {
        try {
            return within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed instead, so a failure explains itself
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + "; the page shows:\n"
                    + page.substring(0, Math.min(page.length(), 1500)), e);
        }
    }

    /** Waits until the element is in the page, visible or not (e.g. a styled file input). */
    WebElement present(By by) {
        return within(WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        within(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void click(By by) {
        within(WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Follows a link of the navigation bar by its label, opening its menu first as a person would. */
    void navigate(String label) {
        WebElement link = present(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='" + label + "']"));
        List<WebElement> menu = link.findElements(By.xpath("ancestor::details[contains(@class,'nav-menu')]/summary"));
        if (!menu.isEmpty()) {
            menu.get(0).click();
        }
        within(WAIT).until(ExpectedConditions.elementToBeClickable(link)).click();
    }

    /** Scrolls the element to the middle of the window first, for long pages where it may sit under the header. */
    void clickInView(By by) {
        script("arguments[0].scrollIntoView({block:'center'})", present(by));
        click(by);
    }

    /**
     * Clicks a button that submits its form and waits until the browser has replaced the page. The page before often
     * shows the same flash or section as the page after, so a wait right after a plain click could find the old one
     * and the next step would then meet a stale element.
     */
    void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        clickInView(button);
        // while the old document goes away Chromium may answer "node does not belong to the document" instead of
        // "stale": both mean the page is being replaced, so ask again
        within(WAIT).ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.stalenessOf(page));
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    void select(By by, String value) {
        new Select(waitFor(by)).selectByValue(value);
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
        within(WAIT).until(d -> "true".equals(d.findElement(By.id(formId)).getAttribute("data-form-ready")));
    }

    /** Waits until the page's chart script has drawn the chart with this id (it sets data-chart-ready="true"). */
    WebElement chartReady(String id) {
        return within(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + id + "[data-chart-ready='true']")));
    }

    /** The visible text of an element; read again when the page was replaced between finding and reading it. */
    String text(By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                return waitFor(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The row of a case in the signed-in user's inbox. */
    static By taskRow(String caseId) {
        return By.cssSelector("tr.task-row[data-case='" + caseId + "']");
    }

    /** Opens the task of a case from the signed-in user's inbox. */
    void openTaskOf(String caseId) {
        waitFor(taskRow(caseId)).findElement(By.tagName("a")).click();
        waitFor(By.id("task-name"));
    }

    /** Completes the open task through its form (decision and opinion). */
    void decide(boolean approve, String opinion) {
        formReady("task-form");
        field("approved", String.valueOf(approve));
        field("comment", opinion);
        submit(By.id("task-form-submit"));
        waitFor(By.cssSelector(".flash.ok"));
    }

    void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
