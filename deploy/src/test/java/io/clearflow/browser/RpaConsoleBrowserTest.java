package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.accountopening.SpecimenCard;
import io.clearflow.reconciliation.DemoStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Account opening with its bot in a real headless Chromium: an investor applies with an ID card that
 * shows another name, the process owner presses 立即运行 in the bot console and sees the run hand the
 * case over, and 赵六 of 账户管理部 opens the account from the task page showing the bot's findings. The reconciliation
 * bot shows beside it with its folder as source; run now takes a statement dropped there and its run lists it.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rpa-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=true", "clearflow.data-dir=target/data",
                "clearflow.bots.reconciliation.folder=target/rpa-browser-statements", "clearflow.bots.bot.reconciliation.cron="})
class RpaConsoleBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1280, 1000);

    @Test
    void aHandedOverApplicationShowsInTheConsoleAndAccountManagementOpensIt() throws Exception {
        Browser b = browser.get();
        Path card = Files.createTempFile("id-card", ".png");
        Files.write(card, SpecimenCard.render("王小明", "110105199001011232", "北京市朝阳区建国路1号", "png"));

        b.signIn("issuer01");
        b.click(By.id("start-accountOpening"));
        b.type(By.id("name"), "王大明");
        b.type(By.id("idNumber"), "110105199001011232");
        b.type(By.id("phone"), "13800000000");
        b.type(By.id("address"), "北京市朝阳区建国路1号");
        b.driver.findElement(By.id("image")).sendKeys(card.toAbsolutePath().toString());
        b.screenshot("rpa-01-application");
        b.click(By.id("account-opening-submit"));
        b.waitFor(By.id("case-state"));
        String caseUrl = b.driver.getCurrentUrl();
        String caseId = b.lastPathSegment();
        assertThat(b.text(By.id("ao-status"))).contains("待机器人审核");
        b.signOut();

        b.signIn("sunqi");
        b.open("/rpa");
        WebElement bot = b.waitFor(By.id("bot-account-opening"));
        assertThat(bot.getText()).contains("开户机器人").contains("account-opening-check");
        runNowUntilOneHandedOver(b, "account-opening");
        assertThat(b.text(By.cssSelector("#runs-account-opening tr.run"))).contains("立即运行").contains("sunqi");
        assertThat(b.text(By.cssSelector("#runs-account-opening ul.handed"))).contains(caseId);
        b.screenshot("rpa-02-console");

        // the reconciliation bot beside it, with its folder as source: a statement dropped there, run now
        Path statements = Path.of("target/rpa-browser-statements");
        String statement = "browser-" + System.nanoTime() + ".pdf";
        Files.write(statements.resolve(statement), DemoStatements.clearing("PB00999", "2025-06-30", "600036", "1,000",
                "35,000.00", "10.85", "35,010.85"));
        WebElement recon = b.waitFor(By.id("bot-reconciliation"));
        assertThat(recon.getText()).contains("对账机器人").contains("来源：文件夹").contains("rpa-browser-statements")
                .contains("仅手动");
        runNowUntilOneHandedOver(b, "reconciliation");
        assertThat(b.text(By.cssSelector("#runs-reconciliation ul.handed"))).contains(statement).contains("NO_RECORD");
        b.screenshot("rpa-03-reconciliation-run");
        b.driver.findElement(By.cssSelector("#runs-reconciliation tr.run a")).click();
        assertThat(b.text(By.id("run-items"))).contains(statement).contains("转人工").contains("NO_RECORD");
        b.signOut();

        b.signIn("zhaoliu");
        WebElement row = b.waitFor(Browser.taskRow(caseId));
        assertThat(row.getText()).contains("人工审核开户");
        row.findElement(By.tagName("a")).click();
        assertThat(b.text(By.id("ao-findings"))).contains("王小明").contains("王大明");
        assertThat(b.waitFor(By.id("ao-image")).getAttribute("naturalWidth")).isNotEqualTo("0");
        b.screenshot("rpa-04-review");
        b.click(By.id("ao-open"));
        b.type(By.id("ao-comment"), "核对原件，曾用名");
        b.submit(By.id("ao-decision-submit"));
        b.waitFor(By.cssSelector(".flash.ok"));
        b.within(Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.get(caseUrl);
            return d.findElement(By.id("case-state")).getText().contains("已开户");
        });
        assertThat(b.text(By.id("ao-account-no"))).startsWith("CF");
        b.screenshot("rpa-05-opened");
        b.signOut();
    }

    /** Presses 立即运行 of a bot; the run goes on in the background: reloads until its latest run handed one item over. */
    private static void runNowUntilOneHandedOver(Browser b, String bot) {
        b.driver.findElement(By.cssSelector("#bot-" + bot + " button.run-now")).click();
        b.waitFor(By.cssSelector(".flash.ok"));
        b.within(Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            d.navigate().refresh();
            var runs = d.findElements(By.cssSelector("#runs-" + bot + " tr.run"));
            return !runs.isEmpty() && runs.get(0).findElement(By.cssSelector(".items-handed")).getText().equals("1");
        });
    }
}
