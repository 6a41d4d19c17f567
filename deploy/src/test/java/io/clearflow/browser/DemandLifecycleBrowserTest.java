package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A regulated demand from submission to business acceptance in a real headless Chromium, each step
 * by the person whose inbox it lands in: the requester (zhangsan, 登记托管部) submits, IT demand
 * management (zhouba) triages, compliance (hegui) approves, zhouba evaluates, splits, tracks the
 * task and hands over, and zhangsan accepts. Jira is not configured: tasks are tracked here (the
 * Jira path is covered with WireMock in demand-portal's JiraSyncTest).
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:demand-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class DemandLifecycleBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1000);

    @Test
    void aRegulatedDemandGoesFromSubmissionToAcceptanceWithTheRightPeople() throws Exception {
        Browser b = browser.get();
        b.signIn("zhangsan");
        b.open("/demand");
        b.click(By.id("new-demand"));
        b.type(By.id("title"), "两融报表自动化");
        b.type(By.id("description"), "每日自动生成两融余额报表 <b>不要加粗</b>");
        b.select(By.id("category"), "REPORT");
        b.click(By.id("regulatory"));
        b.type(By.id("regulationRef"), "证监会令第 1 号");
        b.screenshot("demand-01-form");
        b.click(By.id("demand-submit"));
        b.waitFor(By.id("demand-state"));
        String id = b.lastPathSegment();
        assertThat(b.text(By.id("demand-state"))).isEqualTo("待受理");
        assertThat(b.text(By.id("demand-description"))).contains("<b>不要加粗</b>");
        assertThat(b.driver.findElements(By.id("demand-actions"))).isEmpty();
        b.open("/demand");
        assertThat(b.text(By.id("my-demands"))).contains("DEM-" + id).contains("待受理");
        b.open("/"); // each user signs out from the home page
        b.signOut();

        b.signIn("zhouba");
        assertThat(b.text(By.id("inbox"))).contains("需求受理").contains("DEM-" + id);
        b.open("/demand/board");
        WebElement card = b.waitFor(By.cssSelector(".kanban-card[data-demand='" + id + "']"));
        assertThat(card.findElement(By.xpath("ancestor::section")).getAttribute("data-state")).isEqualTo("SUBMITTED");
        b.screenshot("demand-02-board");
        card.findElement(By.cssSelector("a.card-action[data-action='TRIAGE']")).click();
        b.click(By.id("triage-accept"));
        b.type(By.id("triage-reason"), "受理");
        b.submit(By.id("triage-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("合规审查");
        assertThat(b.driver.findElements(By.id("demand-actions"))).isEmpty();
        b.open("/");
        b.signOut();

        b.signIn("hegui");
        assertThat(b.text(By.id("inbox"))).contains("合规审查");
        b.open("/demand/" + id);
        b.click(By.id("compliance-approve"));
        b.submit(By.id("compliance-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("需求评估");
        b.open("/");
        b.signOut();

        b.signIn("zhouba");
        b.open("/demand/" + id);
        b.type(By.id("valueScore"), "8");
        b.type(By.id("estimateDays"), "5");
        b.type(By.id("targetVersion"), "v2.3.0");
        b.submit(By.id("evaluate-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("需求拆分");
        b.type(By.id("task-title-1"), "报表后端");
        b.type(By.id("task-estimate-1"), "3");
        b.type(By.id("task-title-2"), "报表页面");
        b.type(By.id("task-estimate-2"), "2");
        b.submit(By.id("split-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("开发跟踪");
        assertThat(b.text(By.id("demand-tasks"))).contains("报表后端").contains("平台内跟踪");
        for (int i = 0; i < 2; i++) {
            WebElement form = b.driver.findElements(By.cssSelector("form.task-form")).get(i);
            new Select(form.findElement(By.name("status"))).selectByValue("DONE");
            WebElement actual = form.findElement(By.name("actualDays"));
            actual.clear();
            actual.sendKeys("2.5");
            form.findElement(By.tagName("button")).click();
            // the previous step's flash is still on the old page: wait for the new page before looking for it
            b.within(java.time.Duration.ofSeconds(20)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(form));
            b.waitFor(By.cssSelector(".flash.ok"));
        }
        b.screenshot("demand-03-tracking");
        b.submit(By.id("deliver-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("业务验收");
        b.open("/demand/versions/v2.3.0");
        assertThat(b.text(By.id("version-demands"))).contains("DEM-" + id).contains("报表页面");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.text(By.id("inbox"))).contains("业务验收");
        b.open("/demand/" + id);
        b.click(By.id("acceptance-accept"));
        b.type(By.id("acceptance-reason"), "验收通过");
        b.submit(By.id("acceptance-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("demand-state"))).isEqualTo("已完成");
        assertThat(b.text(By.id("demand-history"))).contains("周八").contains("何合规").contains("已完成");
        assertThat(b.text(By.id("timeline"))).contains("需求受理").contains("合规审查").contains("业务验收");
        b.screenshot("demand-04-done");
        b.open("/demand/stats");
        assertThat(b.text(By.id("stats-table"))).contains("登记托管部");
        b.chartReady("trend-chart");
        b.screenshot("demand-05-stats");
        b.open("/");
        b.signOut();

        // another department's business user may not open it
        b.signIn("wangwu");
        b.open("/demand/" + id);
        assertThat(b.driver.findElements(By.id("demand-state"))).isEmpty();
        b.open("/");
        b.signOut();
    }
}
