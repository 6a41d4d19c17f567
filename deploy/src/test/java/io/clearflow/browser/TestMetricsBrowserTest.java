package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A tester uploads a Surefire report in Chromium (upload form with progress) and lands on the version
 * overview with the run, its failure and the quality gate; the system page draws its trend charts.
 * Business staff see no menu entry and are refused the pages.
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
}
