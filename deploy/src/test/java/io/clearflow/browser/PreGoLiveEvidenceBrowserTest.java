package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pre-go-live evidence in Chromium. Stress test: a tester (zhengshi) uploads a JMeter JTL on the stress test's
 * page and sees the run's figures, its chart and the verdict with its numbers. Code audit: a QC reviewer (chenqc)
 * uploads the vendor's two package versions and the scanner's SARIF, opens the changed file's diff with the finding
 * inline and annotates a line; the same view in English. Business staff (zhangsan) are refused both pages. The
 * version, the request and the system's peak are set up over the API as the developers' and ops' tools would.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:evidence-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-evidence-browser"})
class PreGoLiveEvidenceBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1100);

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTesterUploadsAJtlAndSeesTheReportWithChartsAndTheVerdict() throws Exception {
        long versionId = id(api("wujiu", "POST", "/api/delivery/versions",
                "{\"system\":\"ctrade\",\"version\":\"9." + UUID.randomUUID().toString().substring(0, 6) + "\"}"));
        long testId = id(api("wujiu", "POST", "/api/delivery/stress-tests", "{\"versionId\":" + versionId + "}"));
        api("linops", "PUT", "/api/delivery/systems/ctrade/stress-peak",
                "{\"peakTps\":2,\"peakBandwidthMbps\":1000,\"bandwidthMbps\":10000}");

        // 600 samples, one every 100 ms over a minute, elapsed 1..600 ms, every 100th failed, three function codes
        StringBuilder jtl = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        long start = 1_765_000_000_000L;
        for (int i = 1; i <= 600; i++) {
            jtl.append(start + (i - 1) * 100L).append(',').append(i).append(",41030").append(i % 3).append(',')
                    .append(i % 100 == 0 ? "500,false" : "200,true").append('\n');
        }
        Path file = Files.createTempFile("peak-", ".jtl");
        Files.writeString(file, jtl, StandardCharsets.UTF_8);

        Browser b = browser.get();
        b.signIn("zhengshi");
        b.navigate("压力测试");
        b.waitFor(By.cssSelector("#stress-tests tr[data-stress-test='" + testId + "'] a")).click();
        b.waitFor(By.id("stress-upload-form"));
        b.present(By.id("stress-file")).sendKeys(file.toString());
        b.select(By.id("stress-phase"), "PEAK");
        WebElement form = b.driver.findElement(By.id("stress-upload-form"));
        b.click(By.id("stress-upload"));
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(form));
        b.waitFor(By.cssSelector(".flash.ok"));

        String row = b.text(By.cssSelector("#stress-results tbody tr"));
        // span = 59.9 s + 0.6 s = 60.5 s: 600 / 60.5 = 9.92/s; p95 = 570 ms (nearest rank); 6 failed = 1.000 %
        assertThat(row).contains(file.getFileName().toString(), "600", "9.92", "570.0", "1.000 %", "摸高");
        b.within(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stress-chart canvas")));
        assertThat(b.driver.findElements(By.cssSelector("#stress-label-chart canvas"))).isNotEmpty();
        // capacity 9.92 ÷ peak 2 = 4.959 ≥ 3; bandwidth 10000 ≥ 2 × 1000; no stability run yet → not passed overall
        String capacity = b.text(By.cssSelector("#stress-checks tr[data-check='capacity']"));
        assertThat(capacity).contains("4.959", "3", "通过");
        assertThat(b.text(By.cssSelector("#stress-checks tr[data-check='stability']"))).contains("未通过");
        assertThat(b.text(By.id("stress-verdict"))).isEqualTo("未通过");
        assertThat(b.driver.findElement(By.id("stress-pdf")).getAttribute("href")).endsWith("/report.pdf");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.script("arguments[0].scrollIntoView({block:'start'})", b.driver.findElement(By.id("stress-results")));
        b.screenshot("evidence-01-stress-report");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        b.open("/delivery/stress-tests/" + testId);
        assertThat(b.driver.findElements(By.id("stress-results"))).isEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain(file.getFileName().toString());
        assertThat(b.driver.findElements(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='压力测试']"))).isEmpty();
    }

    @Test
    void aReviewerOpensTheDiffWithInlineFindingsAndAnnotatesALine() throws Exception {
        long versionId = id(api("wujiu", "POST", "/api/delivery/versions",
                "{\"system\":\"clearing\",\"version\":\"9." + UUID.randomUUID().toString().substring(0, 6) + "\"}"));
        long auditId = id(api("wujiu", "POST", "/api/delivery/audits", "{\"versionId\":" + versionId + "}"));
        Path v1 = zip("v1-", Map.of("fee/calc.c", "int a;\nint b;\nreturn a;\n"));
        Path v2 = zip("v2-", Map.of("fee/calc.c", "int a;\nint c;\nreturn a + c;\n"));
        Path sarif = Files.createTempFile("scan-", ".sarif");
        Files.writeString(sarif, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"cppcheck\"}},"
                + "\"results\":[{\"ruleId\":\"uninitvar\",\"level\":\"error\",\"message\":{\"text\":\"c is uninitialised\"},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"fee/calc.c\"},"
                + "\"region\":{\"startLine\":2}}}]}]}]}", StandardCharsets.UTF_8);

        Browser b = browser.get();
        b.signIn("chenqc");
        b.open("/delivery/audits/" + auditId);
        for (Path file : new Path[] {v1, v2}) {
            b.present(By.id("field-package")).sendKeys(file.toString());
            WebElement form = b.driver.findElement(By.id("package-form"));
            form.findElement(By.cssSelector("button[type='submit']")).click();
            b.within(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(form));
        }
        b.present(By.id("field-sarif")).sendKeys(sarif.toString());
        WebElement findingsForm = b.driver.findElement(By.id("findings-form"));
        findingsForm.findElement(By.cssSelector("button[type='submit']")).click();
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(findingsForm));
        b.waitForText(By.id("audit-blocking"), "1");

        // the second package's changed file: the diff with the finding on the line it names
        b.click(By.xpath("(//a[normalize-space()='fee/calc.c'])[last()]"));
        b.waitFor(By.id("audit-code"));
        assertThat(b.text(By.cssSelector("#audit-code tr.line-added"))).contains("int c;");
        WebElement finding = b.waitFor(By.cssSelector("#audit-code tr.finding.level-error"));
        assertThat(finding.getText()).contains("uninitvar", "c is uninitialised");
        // the finding sits right under the line it is about
        WebElement above = finding.findElement(By.xpath("preceding-sibling::tr[1]"));
        assertThat(above.getText()).contains("int c;");

        b.type(By.id("field-line"), "2");
        b.type(By.id("field-note"), "已确认：c 在调用前由 init_fee() 赋值");
        WebElement annotation = b.driver.findElement(By.id("annotation-form"));
        annotation.findElement(By.cssSelector("button[type='submit']")).click();
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(annotation));
        WebElement note = b.waitFor(By.cssSelector("#audit-code tr.annotation"));
        assertThat(note.getText()).contains("已确认：c 在调用前由 init_fee() 赋值", "陈");
        assertThat(note.findElement(By.xpath("preceding-sibling::tr[not(contains(@class,'finding'))][1]")).getText())
                .contains("int c;");
        b.screenshot("evidence-02-audit-code");

        // the same view in English: labels from the English bundle, the data as it is
        b.driver.get(b.driver.getCurrentUrl().replaceAll("&?lang=[a-zA-Z_]+", "") + "&lang=en");
        b.waitFor(By.id("audit-code"));
        String english = b.driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Code comparison", "Annotate", "Save the annotation", "c is uninitialised");
        assertThat(english).doesNotContain("代码对比");
        b.open("/?lang=zh_CN");
        b.signOut();

        b.signIn("zhangsan");
        b.open("/delivery/audits/" + auditId);
        assertThat(b.driver.findElements(By.id("audit-facts"))).isEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain("uninitvar");
    }

    private String api(String user, String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Path zip(String prefix, Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path file = Files.createTempFile(prefix, ".zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
