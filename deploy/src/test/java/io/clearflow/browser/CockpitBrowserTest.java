package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.delivery.cockpit.CockpitRefresher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The IT cockpit in Chromium: the IT manager (zhouba) opens it from the menu, sees its charts drawn, filters by a
 * department chosen by name and sees that department's projects only; the page in English on request; a business
 * user (zhangsan) has no menu entry and is refused the page.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:cockpit-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-cockpit-browser"})
class CockpitBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1200);

    @Autowired JdbcTemplate jdbc;
    @Autowired CockpitRefresher refresher;

    void project(String name, String department, String stage, int budget) {
        Instant at = Instant.now().minus(3, ChronoUnit.DAYS);
        jdbc.update("INSERT INTO del_project (name, department, stage, budget, created_by, created_at, stage_entered_at)"
                + " VALUES (?, ?, ?, ?, 'zhouba', ?, ?)", name, department, stage, budget, Timestamp.from(at), Timestamp.from(at));
    }

    @Test
    void theItManagerSeesChartsAndFiltersByDepartmentAndBusinessStaffAreRefused() throws Exception {
        project("登记系统升级", "dept-registry", "review", 100_000);
        project("登记报表改造", "dept-registry", "review", 50_000);
        project("清算性能优化", "dept-clearing", "golive", 80_000);
        refresher.refresh();

        Browser b = browser.get();
        b.signIn("zhouba");
        b.navigate("数字化驾驶舱");
        assertThat(b.chartReady("chart-stages").findElements(By.cssSelector("canvas, svg"))).isNotEmpty();
        for (String chart : new String[] {"chart-budget", "chart-handoffs", "chart-completeness"}) {
            b.script("arguments[0].scrollIntoView()", b.driver.findElement(By.id(chart)));
            assertThat(b.chartReady(chart).findElements(By.cssSelector("canvas, svg"))).as(chart).isNotEmpty();
        }
        By review = By.cssSelector("#cockpit-stages tr[data-stage='review'] td.num");
        By golive = By.cssSelector("#cockpit-stages tr[data-stage='golive'] td.num");
        assertThat(b.text(review)).isEqualTo("2");
        assertThat(b.text(golive)).isEqualTo("1");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("cockpit-01-all");

        // the department chosen by its name
        b.script("window.scrollTo(0, 0)");
        new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("filter-department"))).selectByVisibleText("清算交收部");
        b.click(By.id("filter-apply"));
        b.waitForText(By.id("cockpit-scope"), "清算交收部");
        assertThat(b.chartReady("chart-stages").findElements(By.cssSelector("canvas, svg"))).isNotEmpty();
        assertThat(b.text(review)).isEqualTo("0");
        assertThat(b.text(golive)).isEqualTo("1");
        assertThat(b.driver.getCurrentUrl()).contains("department=dept-clearing");
        b.screenshot("cockpit-02-department");

        b.open("/delivery/cockpit?lang=en");
        assertThat(b.text(By.tagName("h2"))).isEqualTo("IT digital cockpit");
        assertThat(b.chartReady("chart-stages").findElements(By.cssSelector("canvas, svg"))).isNotEmpty();
        assertThat(b.driver.getPageSource()).contains("Change fail rate").doesNotContain("??");
        b.open("/delivery/cockpit?lang=zh");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.driver.findElements(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='数字化驾驶舱']"))).isEmpty();
        b.open("/delivery/cockpit");
        assertThat(b.driver.findElements(By.id("chart-stages"))).isEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain("登记系统升级");
    }
}
