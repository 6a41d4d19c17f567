package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.delivery.artifact.Artifacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery in Chromium: a developer (wujiu) creates a version, uploads an artifact with the progress-bar
 * form and, once its test gate has promoted it, deploys it to test with one click on the board, where the
 * embedded runner runs it; ops (linops) sees on the board which version and digest run there. Business
 * staff (zhangsan) get no menu entry and are refused the pages.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:delivery-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-delivery-browser"})
class DeliveryBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1100);

    @Autowired Artifacts artifacts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDeveloperUploadsAndDeploysToTestAndOpsSeesWhatRunsWhere() throws Exception {
        Path file = Files.createTempFile("clearflow-web-", ".jar");
        Files.writeString(file, "ClearFlow web build " + System.nanoTime(), StandardCharsets.UTF_8);

        Browser b = browser.get();
        b.signIn("wujiu");
        b.navigate("交付");
        b.waitFor(By.id("version-form"));
        b.select(By.id("field-system"), "clearflow");
        b.type(By.id("field-version"), "2.4.0");
        b.click(By.id("version-submit"));
        b.waitFor(By.id("version-title"));
        assertThat(b.text(By.id("version-title"))).isEqualTo("ClearFlow 2.4.0");
        String versionId = b.lastPathSegment();

        b.present(By.id("artifact-file")).sendKeys(file.toString());
        b.click(By.id("tm-upload-submit"));
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("version-artifacts"), file.getFileName().toString()));
        String sha = b.text(By.cssSelector("#version-artifacts .artifact-sha"));
        assertThat(sha).hasSize(64);
        assertThat(b.text(By.id("version-timeline"))).contains("创建版本").contains("上传制品").contains("吴九");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("delivery-01-version");

        // the test submission's entry gate promotes it (the submission flow is another feature): now the board offers it
        long artifactId = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ?", Long.class,
                Long.parseLong(versionId));
        artifacts.promote(artifactId, "test", "zhengshi", "submission/1/entry");
        b.open("/delivery/board");
        By testCell = By.cssSelector("#board tr[data-system='clearflow'] td[data-environment='test']");
        b.waitFor(testCell);
        b.driver.findElement(testCell).findElement(By.cssSelector("form.deploy-form button")).click();
        b.waitFor(By.id("queued-deployment"));
        b.click(By.id("queued-deployment"));
        b.within(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("deployment-state"), "成功"));
        assertThat(b.text(By.id("deployment-output"))).contains("[clearflow] succeeded");
        b.screenshot("delivery-02-deployment");
        b.open("/");
        b.signOut();

        b.signIn("linops");
        b.navigate("部署看板");
        b.waitFor(By.id("board"));
        String cell = b.text(testCell);
        assertThat(cell).contains("2.4.0").contains(sha.substring(0, 12)).contains("成功").contains("吴九");
        assertThat(b.driver.findElement(testCell).findElement(By.cssSelector(".state")).getAttribute("class"))
                .contains("state-succeeded");
        assertThat(b.text(By.cssSelector("#board tr[data-system='ctrade']"))).contains("集中交易系统").contains("关键信息基础设施");
        b.screenshot("delivery-03-board");
        b.open("/");
        b.signOut();

        b.signIn("zhangsan");
        assertThat(b.driver.findElements(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='交付']"))).isEmpty();
        b.open("/delivery/versions/" + versionId);
        assertThat(b.driver.findElements(By.id("version-title"))).isEmpty();
        b.open("/delivery/board");
        assertThat(b.driver.findElements(By.id("board"))).isEmpty();
        assertThat(b.driver.getPageSource()).doesNotContain(sha);
    }
}
