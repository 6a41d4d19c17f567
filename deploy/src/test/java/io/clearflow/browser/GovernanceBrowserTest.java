package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A process owner (sunqi, 运营管理部) takes a business scenario through the five governance steps
 * in a real headless Chromium: registers it, accepts the recommended mode, uploads a BPMN model,
 * validates it, sees the diagram, designs the start and review forms, publishes it, starts a case
 * from the home page through the start form (an empty required field is refused first), gives
 * feedback from the review task and completes it through its form; the scenario page then shows
 * the version, the feedback and the audit trail.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:governance-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class GovernanceBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1600);

    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;

    @Test
    void aProcessOwnerTakesAScenarioThroughAllFiveSteps() throws Exception {
        // the scenario page is long: every click scrolls its target to the middle of the window first
        Browser b = browser.get();
        b.signIn("sunqi");
        b.navigate("流程治理");
        b.clickInView(By.id("register-scenario"));

        // 1 identification
        b.type(By.id("name"), "浏览器回售审批");
        b.type(By.id("sourceReference"), "回售业务规则第 5 条");
        b.clickInView(By.id("char-few-steps"));
        b.clickInView(By.id("char-high-risk"));
        b.screenshot("gov-01-register");
        b.submit(By.id("scenario-submit"));
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已识别");

        // 2 classification: the recommendation is preselected; accept it
        assertThat(b.text(By.id("recommended-mode"))).isEqualTo("流程电子化");
        assertThat(b.text(By.id("recommendation-reasons"))).contains("环节少").contains("风险较高");
        b.submit(By.id("classify-submit"));
        assertThat(b.text(By.id("accepted-mode"))).contains("流程电子化");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已分类");

        // 3 design: upload the model from a test resource, validate it, see the diagram
        Path model = Files.createTempFile("browser-putback", ".bpmn20.xml");
        try (InputStream in = getClass().getResourceAsStream("/governance/browser-putback.bpmn20.xml")) {
            Files.write(model, in.readAllBytes());
        }
        b.present(By.id("design-file")).sendKeys(model.toAbsolutePath().toString());
        b.submit(By.id("design-upload"));
        assertThat(b.text(By.id("report-valid"))).isEqualTo("校验通过");
        // the upload carried its CSRF token in the form body: the address never shows it
        assertThat(b.driver.getCurrentUrl()).doesNotContain("_csrf");

        // a program renamed .bpmn is refused with one message, and the current design is said to stand
        Path program = Files.write(Files.createTempFile("setup", ".bpmn"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        b.present(By.id("design-file")).sendKeys(program.toAbsolutePath().toString());
        b.submit(By.id("design-upload"));
        assertThat(b.text(By.cssSelector(".flash.error"))).contains("上传的文件未被采用").contains("当前设计保持不变")
                .doesNotContain("not a readable");
        assertThat(b.text(By.id("design-unchanged"))).contains("未改变");
        assertThat(b.driver.getCurrentUrl()).doesNotContain("_csrf");
        b.screenshot("governance-03b-rejected-upload");
        b.clickInView(By.id("design-validate"));
        b.present(By.cssSelector(".flash.ok"));
        assertThat(b.text(By.id("report-valid"))).isEqualTo("校验通过");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已设计");
        WebElement diagram = b.present(By.id("diagram-image"));
        b.within(Duration.ofSeconds(15)).until(d -> ((Number) b.script("return arguments[0].naturalWidth", diagram))
                .intValue() > 0);
        b.screenshot("gov-02-design");

        // the start form built in the field editor: a field without a label is refused on the page, nothing sent
        b.select(By.id("form-activity"), "start");
        WebElement amount = b.present(By.cssSelector("#field-rows tr.field-row"));
        amount.findElement(By.className("field-label")).sendKeys("回售金额");
        amount.findElement(By.className("field-key")).clear();
        amount.findElement(By.className("field-key")).sendKeys("amount");
        new Select(amount.findElement(By.className("field-type"))).selectByValue("number");
        amount.findElement(By.className("field-required")).click();
        b.clickInView(By.id("field-add"));
        b.clickInView(By.id("field-add"));
        List<WebElement> rows = b.driver.findElements(By.cssSelector("#field-rows tr.field-row"));
        assertThat(rows).hasSize(3);
        rows.get(2).findElement(By.className("field-label")).sendKeys("备注");
        rows.get(2).findElement(By.className("field-key")).clear();
        rows.get(2).findElement(By.className("field-key")).sendKeys("note");
        b.clickInView(By.id("form-save"));
        assertThat(b.text(By.id("field-editor-error"))).isEqualTo("第 2 个字段：请填写字段名称");
        assertThat(b.driver.findElements(By.id("stored-forms"))).as("nothing was sent").isEmpty();
        // the empty one removed, the note moved above the amount and back: the order is what the table shows
        b.driver.findElements(By.cssSelector("#field-rows tr.field-row")).get(1).findElement(By.className("field-remove")).click();
        b.driver.findElements(By.cssSelector("#field-rows tr.field-row")).get(1).findElement(By.className("field-up")).click();
        assertThat(b.driver.findElements(By.cssSelector("#field-rows .field-label")).get(0).getAttribute("value")).isEqualTo("备注");
        b.driver.findElements(By.cssSelector("#field-rows tr.field-row")).get(0).findElement(By.className("field-down")).click();
        b.screenshot("gov-02-form-editor");
        b.clickInView(By.id("form-save"));
        b.waitForText(By.id("stored-forms"), "回售金额");
        assertThat(b.text(By.id("stored-forms"))).contains("回售金额 (number, *), 备注 (text)");
        // the saved form comes back into the editor for that step
        assertThat(b.driver.findElements(By.cssSelector("#field-rows .field-label")).stream()
                .map(e -> e.getAttribute("value")).toList()).containsExactly("回售金额", "备注");

        // the review step's form typed as JSON, for those who prefer it: the rows follow the text
        b.select(By.id("form-activity"), "review");
        b.clickInView(By.cssSelector("#form-json summary"));
        b.type(By.id("form-definition"), "{\"fields\":[{\"key\":\"opinion\",\"label\":\"复核意见\",\"type\":\"select\","
                + "\"required\":true,\"options\":[\"同意\",\"不同意\"]}]}");
        assertThat(b.driver.findElement(By.cssSelector("#field-rows .field-options")).getAttribute("value")).isEqualTo("同意\n不同意");
        b.clickInView(By.id("form-save"));
        b.waitForText(By.id("stored-forms"), "复核意见");
        assertThat(b.text(By.id("stored-forms"))).contains("回售金额 (number, *)").contains("复核意见 (select, *)");

        // 4 implementation
        b.clickInView(By.id("publish-submit"));
        // the page before publishing has a flash of its own: wait for the new page's
        b.waitForText(By.cssSelector(".flash.ok"), "已发布上线");
        assertThat(b.text(By.id("scenario-stage"))).isEqualTo("已上线");
        assertThat(b.text(By.id("versions"))).contains("v1").contains("生效").contains("首个版本");
        String scenarioUrl = b.driver.getCurrentUrl();

        // the published process is started from the home page through its designed start form
        b.open("/");
        b.clickInView(By.id("start-govBrowserPutBack"));
        assertThat(b.text(By.id("start-process"))).isEqualTo("浏览器回售审批");
        b.clickInView(By.id("start-submit"));
        b.waitForText(By.id("error-amount"), "必填");
        b.type(By.id("field-amount"), "250000");
        b.type(By.id("field-note"), "浏览器发起");
        b.screenshot("gov-03-start-form");
        b.submit(By.id("start-submit"));
        b.waitForText(By.cssSelector(".flash.ok"), "流程已发起");
        String caseId = b.driver.getCurrentUrl().replaceAll(".*/cases/", "");
        assertThat(runtime.getVariables(caseId)).containsEntry("amount", 250000L).containsEntry("note", "浏览器发起");

        // 5 improvement: feedback from the task page, then the review completed through its form
        b.open("/");
        WebElement row = b.present(Browser.taskRow(caseId));
        assertThat(row.getText()).contains("复核");
        row.findElement(By.tagName("a")).click();
        b.select(By.id("feedback-rating"), "4");
        b.type(By.id("feedback-comment"), "复核环节清楚");
        b.screenshot("gov-03-task-feedback");
        b.submit(By.id("feedback-submit"));
        b.waitForText(By.cssSelector(".flash.ok"), "感谢您的评价");
        b.select(By.id("field-opinion"), "同意");
        b.submit(By.id("task-form-submit"));
        b.waitForText(By.cssSelector(".flash.ok"), "已提交");
        assertThat(runtime.getVariables(caseId)).containsEntry("opinion", "同意");
        assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
                .isEqualTo("signOff");

        b.driver.get(scenarioUrl);
        assertThat(b.text(By.id("scenario-feedback"))).contains("复核环节清楚").contains("4 / 5");
        assertThat(b.text(By.id("audit-trail"))).contains("登记场景").contains("采纳推荐模式").contains("上传模型")
                .contains("发布上线").contains("流程评价").contains("孙七");
        b.screenshot("gov-04-scenario");
        b.signOut();
    }

    @Test
    void checkingAModelKeepsTheCsrfTokenOutOfTheAddress() throws Exception {
        Browser b = browser.get();
        b.signIn("sunqi");
        Path model = Files.createTempFile("browser-putback", ".bpmn20.xml");
        try (InputStream in = getClass().getResourceAsStream("/governance/browser-putback.bpmn20.xml")) {
            Files.write(model, in.readAllBytes());
        }
        b.open("/governance/validate");
        b.present(By.id("validate-file")).sendKeys(model.toAbsolutePath().toString());
        b.submit(By.id("validate-submit"));
        assertThat(b.text(By.id("report-valid"))).isEqualTo("校验通过");
        // the token travels in the multipart body; an address with it would end up in history, logs and Referer
        assertThat(b.driver.getCurrentUrl()).doesNotContain("_csrf");
        assertThat(b.driver.getPageSource()).doesNotContain("_csrf=");
        b.open("/");
        b.signOut();
    }
}
