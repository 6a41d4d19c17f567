package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner uploads a shared real log in Chromium, sees the process map, thins it with the
 * activity-coverage slider and sees the metrics chart drawn; on the platform's own log the map shows one process at a
 * time (the most frequent first, another chosen from the list), and no two nodes of a map overlap.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:mining-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-mining-browser"})
class MiningBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1000);

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;

    /**
     * Node boxes of the drawn map as ECharts placed them (screen pixels), and how many pairs of them overlap:
     * activities are {@code symbolSize} rectangles, start and end circles; the layout's invisible corners are skipped.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapGeometry(Browser b) {
        return (Map<String, Object>) b.script("""
                var chart = echarts.getInstanceByDom(document.getElementById('process-map'));
                var data = chart.getModel().getSeriesByIndex(0).getData();
                var boxes = [];
                for (var i = 0; i < data.count(); i++) {
                  if (data.getName(i).charAt(0) === '\u0000') { continue; }
                  var p = data.getItemLayout(i);
                  var size = data.getItemVisual(i, 'symbolSize');
                  var w = Array.isArray(size) ? size[0] : size, h = Array.isArray(size) ? size[1] : size;
                  boxes.push([p[0] - w / 2, p[1] - h / 2, p[0] + w / 2, p[1] + h / 2]);
                }
                var overlaps = 0;
                for (var a = 0; a < boxes.length; a++) {
                  for (var c = a + 1; c < boxes.length; c++) {
                    var x = boxes[a], y = boxes[c];
                    if (x[0] < y[2] && y[0] < x[2] && x[1] < y[3] && y[1] < x[3]) { overlaps++; }
                  }
                }
                return {nodes: boxes.length, overlaps: overlaps};""");
    }

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
        Map<String, Object> geometry = mapGeometry(b);
        assertThat(((Number) geometry.get("nodes")).intValue()).isEqualTo(allActivities + 2); // with start and end
        assertThat(((Number) geometry.get("overlaps")).intValue()).as("overlapping nodes").isZero();

        // the performance view colours edges by their median time and shows mean, median and max on hover
        new Select(b.driver.findElement(By.id("map-view"))).selectByValue("performance");
        b.within(Duration.ofSeconds(10)).until(d -> "performance".equals(map.getAttribute("data-view")));
        String edge = String.valueOf(b.script("""
                var links = echarts.getInstanceByDom(document.getElementById('process-map')).getOption().series[0].links;
                var l = links.filter(function (x) { return x.source !== '\u25b6' && x.target !== '\u25a0'; })[0];
                return l.lineStyle.color + '|' + l.hover;"""));
        assertThat(edge).startsWith("hsl(").contains("平均", "中位", "最长");
        assertThat(b.driver.findElement(By.id("heuristics-threshold-field")).isDisplayed()).isFalse();
        b.screenshot("mining-01b-performance");
        // the heuristics net, drawn on the same map
        new Select(b.driver.findElement(By.id("map-view"))).selectByValue("heuristics");
        b.within(Duration.ofSeconds(20)).until(d -> "heuristics".equals(map.getAttribute("data-view")));
        assertThat(Integer.parseInt(map.getAttribute("data-edges"))).isPositive();
        assertThat(b.driver.findElement(By.id("heuristics-threshold-field")).isDisplayed()).isTrue();
        b.screenshot("mining-01c-heuristics");
        new Select(b.driver.findElement(By.id("map-view"))).selectByValue("frequency");
        b.within(Duration.ofSeconds(10)).until(d -> "frequency".equals(map.getAttribute("data-view"))
                && Integer.parseInt(map.getAttribute("data-edges")) == allEdges);

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
        // organisational mining: the handover and working-together networks are drawn
        b.script("arguments[0].scrollIntoView()", b.driver.findElement(By.id("chart-handover")));
        assertThat(b.chartReady("chart-handover").findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(b.chartReady("chart-together").findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#activity-resources tbody tr"))).hasSize(14);
        b.screenshot("mining-04-organisation");
        // performance spectrum: the hand-off with the most waiting is drawn without asking
        b.script("arguments[0].scrollIntoView()", b.driver.findElement(By.id("spectrum-form")));
        assertThat(b.chartReady("chart-spectrum").findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(b.text(By.id("spectrum-summary"))).isNotBlank();
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        // durations in working time on request: the page says which calendar it counts in
        b.clickInView(By.id("calendar-working"));
        b.waitFor(By.cssSelector("#calendar-toggle span.muted"));
        assertThat(b.driver.getCurrentUrl()).contains("calendar=working");
        assertThat(b.chartReady("chart-process").findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain("??");
    }

    @Test
    void thePlatformLogIsMappedOneProcessAtATimeMostFrequentFirst() throws Exception {
        // two cases of the reference approval (two steps each) and one of the bot probe (one external-worker step)
        for (int i = 0; i < 2; i++) {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/approvals"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("zhangsan:demo".getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"地图测试\",\"amount\":100,\"reason\":\"测试\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        if (repository.createProcessDefinitionQuery().processDefinitionKey("rpaProbe").count() == 0) {
            repository.createDeployment().addClasspathResource("rpa/rpa-probe.bpmn20.xml").deploy();
        }
        runtime.startProcessInstanceByKey("rpaProbe", Map.of("topic", "map-test"));

        Browser b = browser.get();
        b.signIn("sunqi");
        b.open("/mining/logs/platform");
        WebElement map = b.within(Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-map[data-map-ready='true']")));
        var process = new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("process-key")));
        assertThat(process.getFirstSelectedOption().getAttribute("value")).as("most cases first").isEqualTo("referenceApproval");
        assertThat(process.getFirstSelectedOption().getText()).contains("2");
        List<String> offered = process.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered).contains("referenceApproval", "rpaProbe");
        assertThat(b.text(By.id("summary-cases"))).isEqualTo("2");
        int approvalActivities = Integer.parseInt(map.getAttribute("data-activities"));
        assertThat(approvalActivities).isGreaterThan(0);
        assertThat(((Number) mapGeometry(b).get("overlaps")).intValue()).isZero();
        b.screenshot("mining-04-platform-map");

        process.selectByValue("rpaProbe");
        b.within(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("processKey=rpaProbe"));
        b.within(Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-map[data-map-ready='true']")));
        assertThat(b.text(By.id("summary-cases"))).isEqualTo("1");
        assertThat(new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("process-key")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("rpaProbe");
        assertThat(b.driver.findElement(By.id("discovery-form")).findElement(By.name("processKey")).getAttribute("value"))
                .isEqualTo("rpaProbe");
        b.signOut();
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
