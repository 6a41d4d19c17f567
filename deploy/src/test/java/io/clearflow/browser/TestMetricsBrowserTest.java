package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A tester uploads a Surefire report in Chromium (upload form with progress) and lands on the version
 * overview with the run, its failure and the quality gate; the system page draws its trend charts.
 * Business staff see no menu entry and are refused the pages. A tester imports a test plan from CSV on the
 * version page, records a manual result and sees the plan's figures; an IT manager fills in the maturity
 * questionnaire and sees the radars, the sources of the scores and the history.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:testmetrics-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-testmetrics-browser"})
class TestMetricsBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1200);

    static Path sample(String name) {
        Path file = Path.of("../test-metrics/src/test/resources/reports", name).toAbsolutePath().normalize();
        assertThat(file).isRegularFile();
        return file;
    }

    @Test
    void aTesterUploadsAReportAndOpensTheVersionOverview() throws Exception {
        Browser b = browser.get();
        b.signIn("zhengshi");
        b.navigate("测试度量");
        b.waitFor(By.id("tm-upload"));
        b.type(By.id("tm-project"), "ctrade");
        b.type(By.id("tm-version"), "3.2.0");
        b.type(By.id("tm-run"), "128");
        b.driver.findElement(By.id("tm-file"))
                .sendKeys(sample("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml").toString());
        b.click(By.id("tm-upload-submit"));

        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("tm-version-title")));
        assertThat(b.text(By.id("tm-version-title"))).isEqualTo("ctrade 3.2.0");
        assertThat(b.text(By.cssSelector("#tm-runs tr[data-run='128'] .tm-tests"))).isEqualTo("6");
        assertThat(b.text(By.cssSelector("#tm-runs tr[data-run='128'] .tm-failed"))).isEqualTo("1");
        assertThat(b.text(By.id("tm-failures"))).contains("matchesCrossOrders", "expected: <2> but was: <1>");
        assertThat(b.text(By.id("tm-gate-verdict"))).isEqualTo("不通过"); // no coverage yet, one failure
        b.screenshot("testmetrics-01-version");

        b.open("/test-metrics/ctrade");
        b.chartReady("tm-tests-chart");
        assertThat(b.driver.findElement(By.id("tm-coverage-chart")).getAttribute("data-chart-ready")).isEqualTo("true");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("testmetrics-02-trends");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.driver.findElements(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='测试度量']")))
                .isEmpty();
        b.open("/test-metrics/ctrade/3.2.0");
        assertThat(b.driver.findElements(By.id("tm-version-title"))).isEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain("matchesCrossOrders");
    }

    @Test
    void aTesterImportsAPlanAndAnItManagerAssessesMaturity() throws Exception {
        Browser b = browser.get();
        b.signIn("zhengshi");
        b.navigate("测试度量");
        b.type(By.id("tm-project"), "plansys");
        b.type(By.id("tm-version"), "1.0.0");
        b.driver.findElement(By.id("tm-file"))
                .sendKeys(sample("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml").toString());
        b.click(By.id("tm-upload-submit"));
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("tm-version-title")));

        // a CSV saved by a spreadsheet: Chinese headers, one automated case of the uploaded run, two manual cases
        Path csv = java.nio.file.Files.createTempFile("plan", ".csv");
        java.nio.file.Files.writeString(csv, "用例编号,标题,自动化,需求\n"
                + "io.clearflow.ctrade.OrderServiceTest.matchesCrossOrders,撮合,是,12\nTC-1,手工退款,否,13\nTC-2,手工撤单,否,\n");
        b.type(By.id("tm-plan-name"), "回归");
        b.driver.findElement(By.id("tm-plan-file")).sendKeys(csv.toString());
        b.submit(By.cssSelector("#tm-plan-import button[type=submit]"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("tm-automation-ratio"))).startsWith("33.3%");
        assertThat(b.text(By.id("tm-requirement-coverage"))).startsWith("66.7%");
        WebElement row = b.waitFor(By.cssSelector(".tm-plan-cases tr[data-case='TC-1']"));
        new org.openqa.selenium.support.ui.Select(row.findElement(By.name("status"))).selectByValue("BLOCKED");
        row.findElement(By.name("note")).sendKeys("环境不可用");
        b.script("arguments[0].scrollIntoView({block:'center'})", row);
        row.findElement(By.cssSelector("button[type=submit]")).click();
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.cssSelector(".tm-plan-cases tr[data-case='TC-1'] .tm-case-status"))).isEqualTo("阻塞");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("testmetrics-03-plan");
        b.open("/");
        b.signOut();

        b.signIn("zhouba");
        b.open("/test-metrics/maturity?project=plansys");
        b.chartReady("tm-maturity-radar");
        b.chartReady("tm-maturity-domain-radar");
        b.select(By.id("level-norms"), "2");
        b.type(By.id("text-norms"), "测试计划模板已在各项目使用");
        b.type(By.id("link-norms"), "https://wiki.example/ct-norms");
        b.submit(By.id("tm-assess-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.cssSelector("#tm-maturity tr[data-indicator='norms'] .tm-level"))).isEqualTo("2");
        assertThat(b.text(By.cssSelector("#tm-maturity tr[data-indicator='norms']"))).contains("评估人", "zhouba");
        assertThat(b.text(By.cssSelector("#tm-maturity tr[data-indicator='automatedTesting']"))).contains("平台证据");
        assertThat(b.driver.findElements(By.cssSelector("#tm-assessment-history tr[data-assessment]"))).hasSize(1);
        b.chartReady("tm-maturity-radar");
        b.screenshot("testmetrics-04-maturity");
    }
}
