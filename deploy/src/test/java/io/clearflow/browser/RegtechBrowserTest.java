package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The regulatory tracker in a real headless Chromium: compliance (hegui) finds a seeded 2024 item
 * by searching, triages it as relevant for 登记托管部, the business user (zhangsan) finds the impact
 * assessment in the inbox and records it; a business user cannot reach the source administration,
 * an administrator can.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:regtech-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data", "clearflow.regtech.scheduler=false"})
class RegtechBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1000);

    @Test
    void complianceTriagesAndABusinessDepartmentAssesses() throws Exception {
        Browser b = browser.get();
        b.signIn("hegui");
        b.open("/regtech");
        b.chartReady("timeline-chart");
        assertThat(b.text(By.id("tracker-total"))).isEqualTo("共 17 条");
        b.type(By.id("filter-q"), "证监会");
        b.click(By.id("filter-submit"));
        b.waitForText(By.id("tracker-total"), "共 1 条");
        b.screenshot("regtech-01-tracker");
        b.click(By.cssSelector("#tracker-items a.item-title"));
        b.waitFor(By.id("triage-form"));
        assertThat(b.text(By.id("item-topics"))).contains("执法").contains("信息披露");
        b.click(By.id("triage-relevant"));
        b.type(By.id("triage-reason"), "执法重点涉及信息披露，需评估登记业务影响");
        WebElement registry = b.present(By.id("triage-dept-dept-registry"));
        if (!registry.isSelected()) {
            registry.click();
        }
        b.script("document.getElementById('triage-deadline').value = arguments[0]", LocalDate.now().plusDays(14).toString());
        b.screenshot("regtech-02-triage");
        b.submit(By.id("triage-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("assessment-state"))).isEqualTo("各部门评估中");
        assertThat(b.text(By.id("item-status"))).isEqualTo("评估中");
        String itemPath = b.driver.getCurrentUrl();
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.text(By.id("inbox"))).contains("影响评估");
        b.driver.get(itemPath);
        b.type(By.id("impact-processes"), "上市公司信息披露登记");
        b.type(By.id("impact-systems"), "登记结算系统");
        b.select(By.id("impact-risk"), "medium");
        b.submit(By.id("impact-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("impacts"))).contains("登记结算系统");
        assertThat(b.driver.findElements(By.id("triage-form"))).isEmpty();
        assertThat(b.driver.findElements(By.xpath("//a[@href='/regtech/sources']"))).as("no admin link").isEmpty();
        b.open("/regtech/sources");
        assertThat(b.driver.findElements(By.id("sources"))).as("business users do not reach source administration").isEmpty();
        b.open("/");
        b.signOut();

        b.signIn("admin");
        b.open("/regtech/sources");
        assertThat(b.text(By.id("sources"))).contains("SEC press releases").contains("已停用");
        b.screenshot("regtech-03-sources");
    }
}
