package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The self-service reference process in a real headless Chromium: the participant (issuer01)
 * submits an invalid declaration (the page shows the field errors from the definition's rules; with
 * the page's script bypassed the server shows the same errors), a valid one that is approved
 * automatically at once, and one above the automatic limit that goes to review; 登记托管部 (lisi)
 * approves it on its task page and the participant sees the final status. A last declaration is
 * decided while the participant's page stays open: its status changes there without a reload.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class SelfServiceBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired TaskForms taskForms;
    @Autowired OrgDirectory directory;

    private void fillDeclaration(Browser b, String code, String quantity, String amount) {
        b.open("/selfservice/new");
        b.formReady("declaration-form");
        b.field("kind", "PUTBACK");
        b.field("securityCode", code);
        b.field("quantity", quantity);
        b.field("amount", amount);
        b.field("declareDate", LocalDate.now().toString());
        b.field("contactName", "李经理");
        b.field("contactPhone", "021-58708888");
    }

    private String caseOfLatest() {
        return jdbc.queryForObject("SELECT process_instance_id FROM cf_declaration WHERE declarant = 'issuer01' "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class);
    }

    private long latestId() {
        return jdbc.queryForObject("SELECT MAX(id) FROM cf_declaration WHERE declarant = 'issuer01'", Long.class);
    }

    private By statusOf(long id) {
        return By.cssSelector("tr[data-declaration-id='" + id + "'] .declaration-status");
    }

    @Test
    void invalidAutoApprovedAndReviewedDeclarationsWithLiveStatus() throws Exception {
        Browser b = browser.get();
        b.signIn("issuer01");
        b.navigate("自助申报");
        b.click(By.id("new-declaration"));

        // 1. invalid: refused in the page, field by field
        fillDeclaration(b, "12345", "150", "100.001");
        b.field("contactPhone", "123");
        b.click(By.id("declaration-submit"));
        b.waitForText(By.id("error-securityCode"), "证券代码为 6 位数字");
        assertThat(b.text(By.id("error-quantity"))).isEqualTo("须为 100 的整数倍");
        assertThat(b.text(By.id("error-amount"))).isEqualTo("须为 0.01 的整数倍");
        assertThat(b.text(By.id("error-contactPhone"))).contains("11 位手机号");
        assertThat(b.driver.getCurrentUrl()).endsWith("/selfservice/new");
        b.screenshot("selfservice-01-client-errors");
        // the same rules on the server, when the page's script is out of the way
        b.script("var f = document.getElementById('declaration-form'); var c = f.cloneNode(true);"
                + " c.removeAttribute('data-form-src'); f.parentNode.replaceChild(c, f);");
        b.click(By.id("declaration-submit"));
        b.waitFor(By.id("server-errors"));
        assertThat(b.text(By.id("error-securityCode"))).isEqualTo("证券代码为 6 位数字");
        assertThat(b.text(By.id("error-quantity"))).isEqualTo("须为 100 的整数倍");
        assertThat(b.driver.findElement(By.id("field-securityCode")).getAttribute("value")).isEqualTo("12345");
        b.screenshot("selfservice-02-server-errors");

        // 2. valid and inside the rules: accepted and approved automatically at once
        fillDeclaration(b, "110059", "1000", "100000");
        b.click(By.id("declaration-submit"));
        b.waitFor(By.id("declarations"));
        long auto = latestId();
        b.waitForText(By.cssSelector(".flash.ok"), "自动通过");
        assertThat(b.text(statusOf(auto))).isEqualTo("已受理·自动通过");

        // 3. above the automatic limit: accepted, goes to 登记托管部
        fillDeclaration(b, "113050", "50000", "5000000");
        b.click(By.id("declaration-submit"));
        b.waitFor(By.id("declarations"));
        long reviewed = latestId();
        String reviewedCase = caseOfLatest();
        assertThat(b.text(statusOf(reviewed))).isEqualTo("已受理·人工审核中");
        b.screenshot("selfservice-03-my-declarations");
        b.signOut();

        b.signIn("lisi");
        b.openTaskOf(reviewedCase);
        assertThat(b.text(By.id("declaration-reasons"))).contains("金额超过自动受理上限");
        b.decide(true, "大额申报已电话核实");
        b.signOut();

        b.signIn("issuer01");
        b.open("/selfservice");
        assertThat(b.text(statusOf(reviewed))).isEqualTo("审核通过");
        assertThat(b.text(statusOf(auto))).isEqualTo("已受理·自动通过");

        // 4. live status: decided while the page stays open, the row changes without a reload
        fillDeclaration(b, "999999", "100", "10");
        b.click(By.id("declaration-submit"));
        b.waitFor(By.id("declarations"));
        long live = latestId();
        String liveCase = caseOfLatest();
        assertThat(b.text(statusOf(live))).isEqualTo("已受理·人工审核中");
        b.script("window.__notReloaded = true;");
        var lisi = directory.requireMember("lisi");
        String taskId = work.inbox(lisi, 0, 200).stream().filter(t -> liveCase.equals(t.caseId())).findFirst().orElseThrow().id();
        taskForms.complete(lisi, taskId, Map.of("approved", "false", "comment", "证券代码不在申报范围"));
        b.waitForText(statusOf(live), "审核驳回");
        assertThat(b.script("return window.__notReloaded === true")).isEqualTo(true);
        WebElement row = b.waitFor(By.cssSelector("tr[data-declaration-id='" + live + "']"));
        assertThat(row.getAttribute("class")).contains("changed");
        b.screenshot("selfservice-04-live-status");
        b.signOut();
    }
}
