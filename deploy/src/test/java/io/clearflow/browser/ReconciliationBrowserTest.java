package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.reconciliation.FolderStatementSource;
import io.clearflow.bots.reconciliation.ReconciliationApi;
import io.clearflow.bots.reconciliation.ReconciliationService;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.reconciliation.ReconciliationConfirmationService;
import io.clearflow.engine.security.ApiTokenService;
import io.clearflow.reconciliation.DemoStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clearing user (wangwu, 清算交收部) confirms a reconciliation in headless Chromium: the bot has submitted a
 * settlement statement whose quantity differs from the platform's record; the task shows the document image next to
 * the fields with the mismatch highlighted; wangwu corrects the quantity and confirms; the correction is counted.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:recon-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class ReconciliationBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1100);

    @Autowired ApiTokenService tokens;
    @Autowired OrgDirectory directory;
    @Autowired ReconciliationConfirmationService confirmations;
    @Autowired DocumentExtractor extractor;
    @Autowired JdbcTemplate jdbc;

    @Test
    void wangwuCorrectsAMismatchedQuantityAndConfirms() throws Exception {
        Browser b = browser.get();
        confirmations.book(directory.member("admin").orElseThrow(), "clearing_settlement", "PB00321|2025-05-06|601398",
                Map.of("quantity", "800", "fees", "12.40", "net_amount", "40012.40"));
        Path inbox = Files.createTempDirectory("recon-browser");
        Files.write(inbox.resolve("settlement-0506.pdf"), DemoStatements.clearing("PB00321", "2025-05-06", "601398", "900",
                "40,000.00", "12.40", "40,012.40"));
        String token = tokens.issue("rpa-bot", "browser").token();
        var run = new ReconciliationService(new FolderStatementSource(inbox), extractor,
                ReconciliationApi.at(b.url(""), () -> token), 1, Clock.systemUTC())
                .runOnce();
        assertThat(run.submitted()).isEqualTo(1);
        String caseId = jdbc.queryForObject("SELECT process_instance_id FROM cf_recon_document WHERE file_name = ?",
                String.class, "settlement-0506.pdf");

        b.signIn("wangwu");
        WebElement row = b.waitFor(Browser.taskRow(caseId));
        assertThat(row.getText()).contains("对账确认");
        row.findElement(By.tagName("a")).click();
        assertThat(b.text(By.id("recon-file"))).isEqualTo("settlement-0506.pdf");
        assertThat(b.text(By.id("recon-status"))).isEqualTo("不一致");
        WebElement image = b.waitFor(By.id("recon-image"));
        assertThat((Boolean) b.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)).isTrue();
        WebElement quantityRow = b.waitFor(By.id("recon-row-quantity"));
        assertThat(quantityRow.getAttribute("class")).contains("recon-mismatch");
        assertThat(quantityRow.getText()).contains("800").contains("不一致");
        assertThat(b.waitFor(By.id("recon-row-fees")).getAttribute("class")).doesNotContain("recon-mismatch");
        b.screenshot("recon-01-task");

        b.type(By.id("recon-field-quantity"), "800");
        b.type(By.id("recon-comment"), "数量以结算系统为准");
        b.submit(By.id("recon-confirm"));
        b.waitForText(By.cssSelector(".flash.ok"), "更正已记录");
        assertThat(b.text(By.id("recon-corrections"))).isEqualTo("1");
        assertThat(b.text(By.id("recon-documents"))).contains("settlement-0506.pdf").contains("已更正");
        b.screenshot("recon-02-list");
        assertThat(jdbc.queryForObject("SELECT corrected_value FROM cf_recon_correction WHERE field_name = 'quantity'",
                String.class)).isEqualTo("800");
        assertThat(b.driver.findElements(Browser.taskRow(caseId))).isEmpty();
    }
}
