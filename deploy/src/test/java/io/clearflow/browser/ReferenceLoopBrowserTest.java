package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole loop of the reference process in a real headless Chromium, as its users would do it:
 * a business user submits a request, a colleague of the same department finds it in the inbox and
 * approves it, compliance approves it, and the requester sees it completed with its history.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class ReferenceLoopBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1000);

    @Test
    void aRequestGoesThroughBothReviewsAndTheRequesterSeesItCompleted() throws Exception {
        Browser b = browser.get();
        b.signIn("zhangsan");
        b.click(By.id("start-referenceApproval"));
        b.type(By.id("title"), "浏览器测试申请");
        b.type(By.id("amount"), "1234.50");
        b.type(By.id("reason"), "端到端测试");
        b.screenshot("01-request-form");
        b.click(By.id("approval-submit"));
        b.waitFor(By.id("case-state"));
        String caseUrl = b.driver.getCurrentUrl();
        String caseId = b.lastPathSegment();
        assertThat(b.text(By.id("case-state"))).contains("进行中");
        assertThat(b.text(By.id("timeline"))).contains("部门审核").contains("到达");
        b.signOut();

        b.signIn("lisi");
        WebElement row = b.waitFor(Browser.taskRow(caseId));
        assertThat(row.getText()).contains("部门审核").contains("待认领");
        b.screenshot("02-inbox");
        row.findElement(By.tagName("a")).click();
        assertThat(b.text(By.id("approval-title"))).isEqualTo("浏览器测试申请");
        b.click(By.id("approve"));
        b.type(By.id("comment"), "同意");
        b.submit(By.id("decision-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        assertThat(b.driver.findElements(Browser.taskRow(caseId))).isEmpty();
        b.signOut();

        b.signIn("hegui");
        row = b.waitFor(Browser.taskRow(caseId));
        assertThat(row.getText()).contains("合规复核");
        row.findElement(By.tagName("a")).click();
        b.click(By.id("approve"));
        b.submit(By.id("decision-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        b.signOut();

        b.signIn("zhangsan");
        b.driver.get(caseUrl);
        assertThat(b.text(By.id("case-state"))).contains("已结束").contains("审批通过");
        assertThat(b.text(By.id("timeline"))).contains("合规复核").contains("何合规").contains("李四");
        b.screenshot("03-case-completed");

        b.open("/cases/" + caseId + "?lang=en");
        assertThat(b.text(By.id("case-state"))).contains("Completed");
        b.open("/?lang=zh_CN");
        b.signOut();

        b.signIn("admin");
        b.open("/events?caseId=" + caseId);
        assertThat(b.text(By.id("event-table"))).contains("部门审核").contains("合规复核").contains("审批通过");
        b.screenshot("04-event-log");
        b.signOut();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndAnEmptyFormIsNotSent() {
        Browser b = browser.get();
        b.open("/login");
        b.type(By.id("username"), "zhangsan");
        b.type(By.id("password"), "wrong-password");
        b.click(By.id("login-submit"));
        assertThat(b.text(By.cssSelector(".flash.error"))).contains("用户名或密码错误");

        b.signIn("zhangsan");
        b.open("/approvals/new");
        b.click(By.id("approval-submit"));
        // the browser's own validation keeps an incomplete form on the page
        assertThat(b.driver.getCurrentUrl()).endsWith("/approvals/new");
        assertThat((Boolean) b.script("return document.getElementById('approval-form').checkValidity()")).isFalse();
        b.signOut();
    }
}
