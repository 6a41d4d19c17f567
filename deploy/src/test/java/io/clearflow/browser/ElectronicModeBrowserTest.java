package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The electronic-mode reference process in a real headless Chromium, with the right people: the
 * issuer (issuer01) submits a put-back registration (first with a wrong phone, which the page
 * refuses by the form definition's rule), 登记托管部 (lisi) reviews it, 清算交收部 (wangwu) sends it
 * back once and then reviews it a second time, the process owner (sunqi) signs it off, and the
 * issuer sees it registered with every opinion and the send-back in its history.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class ElectronicModeBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void issuerRegistryClearingAndOwnerTakeARegistrationThroughWithOneSendBack() throws Exception {
        Browser b = browser.get();
        b.signIn("issuer01");
        b.navigate("回售登记");
        b.formReady("putback-form");
        LocalDate start = LocalDate.now().plusDays(10);
        b.field("issuerName", "示例发行人股份有限公司");
        b.field("securityCode", "110059");
        b.field("securityName", "浦发转债");
        b.field("putbackPrice", "100.32");
        b.field("registrationStart", start.toString());
        b.field("registrationEnd", start.plusDays(4).toString());
        b.field("paymentDate", start.plusDays(9).toString());
        b.field("contactName", "王经理");
        b.field("contactPhone", "12345");
        b.click(By.id("putback-submit"));
        // refused in the page by the definition's rule, with the server's own text
        b.waitForText(By.id("error-contactPhone"), "请输入 11 位手机号或带区号的固定电话");
        assertThat(b.driver.getCurrentUrl()).endsWith("/putback/new");
        b.screenshot("electronic-01-field-error");
        b.field("contactPhone", "13800138000");
        b.click(By.id("putback-submit"));
        b.waitFor(By.id("case-state"));
        String caseId = b.lastPathSegment();
        assertThat(b.text(By.id("putback-status"))).isEqualTo("审核中");
        assertThat(b.text(By.id("putback-issuer"))).isEqualTo("示例发行人股份有限公司");
        b.signOut();

        // 清算交收部 does not see it before 登记托管部 has reviewed it
        b.signIn("wangwu");
        assertThat(b.driver.findElements(Browser.taskRow(caseId))).isEmpty();
        b.signOut();

        b.signIn("lisi");
        b.openTaskOf(caseId);
        assertThat(b.text(By.id("task-name"))).isEqualTo("登记托管部审核");
        assertThat(b.text(By.id("task-due"))).isNotBlank(); // due the day before registration opens
        b.screenshot("electronic-02-registry-review");
        b.decide(true, "材料齐全，同意");
        b.signOut();

        b.signIn("wangwu");
        b.openTaskOf(caseId);
        assertThat(b.text(By.id("task-name"))).isEqualTo("清算交收部复核");
        b.select(By.id("targetActivityId"), "registryReview");
        b.type(By.id("sendBackReason"), "资金发放日与托管行确认不一致");
        b.submit(By.id("send-back-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        b.signOut();

        b.signIn("lisi");
        b.openTaskOf(caseId);
        assertThat(b.text(By.id("task-name"))).isEqualTo("登记托管部审核");
        assertThat(b.text(By.id("comments"))).contains("资金发放日与托管行确认不一致");
        b.decide(true, "已与发行人核对发放日");
        b.signOut();

        b.signIn("wangwu");
        b.openTaskOf(caseId);
        b.decide(true, "复核通过");
        b.signOut();

        b.signIn("sunqi");
        b.openTaskOf(caseId);
        assertThat(b.text(By.id("task-name"))).isEqualTo("负责人签发");
        assertThat(b.text(By.id("putback-reviews"))).contains("李四").contains("王五");
        b.decide(true, "同意签发");
        b.signOut();

        b.signIn("issuer01");
        b.open("/cases/" + caseId);
        assertThat(b.text(By.id("case-state"))).contains("已结束").contains("登记完成");
        assertThat(b.text(By.id("putback-status"))).isEqualTo("登记完成");
        assertThat(b.text(By.id("putback-reviews"))).contains("材料齐全，同意").contains("复核通过").contains("同意签发");
        assertThat(b.text(By.id("timeline"))).contains("打回").contains("王五").contains("孙七");
        b.screenshot("electronic-03-registered");
        b.open("/cases/" + caseId + "?lang=en");
        assertThat(b.text(By.id("putback-status"))).isEqualTo("Registered");
        b.open("/?lang=zh_CN");
        b.signOut();
    }
}
