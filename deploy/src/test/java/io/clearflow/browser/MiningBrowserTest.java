package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A process owner uploads a shared real log in Chromium, sees the process map, thins it with the
 * activity-coverage slider and sees the metrics chart drawn.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:mining-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-mining-browser"})
class MiningBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1000);

    static Path sharedLog(String name) {
        Path file = Path.of(System.getProperty("clearflow.shared.data", "../../shared/data"), "eventlogs", name)
                .toAbsolutePath().normalize();
        assertThat(file).as("shared event log (set -Dclearflow.shared.data)").isRegularFile();
        return file;
    }

    @Test
    void uploadSeeTheMapMoveTheSliderAndSeeTheMetricsChart() throws Exception {
        Browser b = browser.get();
        b.signIn("sunqi");
        b.navigate("流程挖掘");
        b.waitFor(By.id("mining-upload"));
        b.driver.findElement(By.id("mining-file")).sendKeys(sharedLog("reviewing.xes").toString());
        b.click(By.id("mining-upload-submit"));

        WebElement map = b.within(Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-map[data-map-ready='true']")));
        assertThat(b.text(By.id("log-title"))).isEqualTo("reviewing.xes");
        assertThat(b.text(By.id("summary-cases"))).isEqualTo("100");
        int allActivities = Integer.parseInt(map.getAttribute("data-activities"));
        int allEdges = Integer.parseInt(map.getAttribute("data-edges"));
        assertThat(allActivities).isEqualTo(14); // every activity of the log at 100%
        assertThat(map.findElements(By.tagName("canvas"))).isNotEmpty();
        b.screenshot("mining-01-map");

        // the slider to its lowest value: only the most frequent activities stay
        WebElement slider = b.driver.findElement(By.id("activity-coverage"));
        slider.click();
        slider.sendKeys(Keys.HOME);
        b.within(Duration.ofSeconds(10)).until(d ->
                Integer.parseInt(map.getAttribute("data-activities")) < allActivities);
        assertThat(Integer.parseInt(map.getAttribute("data-edges"))).isLessThan(allEdges);
        assertThat(b.text(By.id("activity-coverage-value"))).isEqualTo("1%");
        b.screenshot("mining-02-map-thinned");

        b.script("arguments[0].scrollIntoView()", b.driver.findElement(By.id("chart-process")));
        WebElement chart = b.chartReady("chart-process");
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(b.driver.findElement(By.id("chart-waiting")).getAttribute("data-chart-ready")).isEqualTo("true");
        b.screenshot("mining-03-metrics");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
    }

    @Test
    void aWrongFileIsRefusedWithAMessageOnThePage() throws Exception {
        Browser b = browser.get();
        b.signIn("sunqi");
        Path dir = java.nio.file.Files.createTempDirectory("wrong-logs");
        Path exe = java.nio.file.Files.write(dir.resolve("setup.xes"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4});
        Path pdf = java.nio.file.Files.write(dir.resolve("report.xes"), "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        Path empty = java.nio.file.Files.write(dir.resolve("empty.xes"), new byte[0]);
        for (Path file : java.util.List.of(exe, pdf, empty)) {
            b.open("/mining");
            b.waitFor(By.id("mining-upload"));
            b.driver.findElement(By.id("mining-file")).sendKeys(file.toString());
            b.click(By.id("mining-upload-submit"));
            WebElement status = b.within(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#mining-upload-status.error")));
            assertThat(status.getText()).as(file.getFileName().toString())
                    .containsAnyOf("无法导入这个文件", "上传的文件为空");
            assertThat(b.driver.getCurrentUrl()).endsWith("/mining");
            b.screenshot("mining-04-refused-" + file.getFileName());
        }
        // the list shows no log from the refused files
        b.open("/mining");
        assertThat(b.driver.getPageSource()).doesNotContain("setup.xes").doesNotContain("report.xes");
    }
}
