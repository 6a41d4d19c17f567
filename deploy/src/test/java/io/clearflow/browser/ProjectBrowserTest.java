package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.artifact.ArtifactService;
import io.clearflow.delivery.deployment.DeploymentService;
import io.clearflow.delivery.version.NewVersion;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.identity.OrgDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project in Chromium: the IT manager (zhouba) creates it with the form, records the pre-project evaluation, an
 * architecture decision and the commerce steps, and links a version that is in production; each milestone approval is
 * taken from the right person's inbox (sunqi 立项, chenqc review and QC, linops go-live, zhouba acceptance), and the
 * requesting department's zhangsan answers the satisfaction survey, which moves the project to post-project operation.
 * The external participant issuer01 is refused the pages and the API. The project page reads in English too.
 */
@SpringBootTest(classes = io.clearflow.ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:project-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-project-browser"})
class ProjectBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1100);

    @Autowired JdbcTemplate jdbc;
    @Autowired VersionService versions;
    @Autowired ArtifactService artifacts;
    @Autowired DeploymentService deployments;
    @Autowired OrgDirectory directory;

    @Test
    void aProjectFromCreationToOperationThroughTheInboxes() throws Exception {
        long versionId = versionInProduction();
        Browser b = browser.get();

        b.signIn("zhouba");
        b.navigate("项目");
        b.waitFor(By.id("project-form"));
        // a refused form keeps what was typed and says what is wrong
        b.type(By.id("name"), "登记系统升级");
        b.select(By.id("department"), "dept-registry");
        b.click(By.id("project-create"));
        b.waitFor(By.id("error-systems"));
        assertThat(b.text(By.id("error-systems"))).isEqualTo("请至少选择一个系统");
        assertThat(b.present(By.id("name")).getAttribute("value")).isEqualTo("登记系统升级");
        b.click(By.cssSelector("#project-systems input[value='clearflow']"));
        b.click(By.id("project-create"));
        b.waitFor(By.id("project-stage"));
        assertThat(b.text(By.id("project-stage"))).isEqualTo("立项");
        String projectId = b.lastPathSegment();
        String caseId = jdbc.queryForObject("SELECT case_id FROM del_project WHERE id = ?", String.class, Long.parseLong(projectId));

        b.type(By.id("businessValue"), "登记办理时间缩短一半");
        b.type(By.id("estimatedCost"), "80000");
        b.type(By.id("budget"), "100000");
        b.type(By.id("expectedBenefit"), "300000");
        b.submit(By.id("project-evaluation-save"));
        b.waitFor(By.cssSelector(".flash.ok"));
        b.type(By.id("decision"), "沿用现有消息中间件");
        b.type(By.id("decisionReason"), "运维已有经验");
        b.type(By.id("alternatives"), "引入新的消息队列");
        b.clickInView(By.id("project-decision-save"));
        b.waitForText(By.id("project-decisions"), "沿用现有消息中间件");
        b.type(By.id("versionId"), String.valueOf(versionId));
        b.submit(By.id("project-version-link"));
        b.waitFor(By.id("project-versions"));
        assertThat(b.text(By.id("project-versions"))).contains("✓");
        complete(b);
        b.screenshot("project-01-initiation");
        b.open("/");
        b.signOut();

        approveFromInbox(b, "sunqi", caseId, "评审");
        approveFromInbox(b, "chenqc", caseId, "商务");

        b.signIn("zhouba");
        b.open("/delivery/projects/" + projectId);
        for (String step : new String[] {"budgetFiling", "procurement", "tender", "contract", "contractAcceptance", "payment"}) {
            b.select(By.id("commerceStep"), step);
            b.type(By.id("amount"), "payment".equals(step) ? "30000" : "90000");
            b.type(By.id("documents"), step + ".pdf");
            b.submit(By.id("project-commerce-save"));
            b.waitFor(By.cssSelector(".flash.ok"));
        }
        assertThat(b.text(By.id("project-actual"))).isEqualTo("30000.00");
        complete(b);
        assertThat(b.text(By.id("project-stage"))).isEqualTo("质控");
        b.open("/");
        b.signOut();

        approveFromInbox(b, "chenqc", caseId, "投产/更新");
        approveFromInbox(b, "linops", caseId, "验收");
        approveFromInbox(b, "zhouba", caseId, "验收");

        // the requesting department's business staff answer the survey from their inbox
        b.signIn("zhangsan");
        b.open("/");
        b.openTaskOf(caseId);
        b.click(By.id("module-link"));
        b.waitFor(By.id("project-survey-form"));
        b.select(By.id("score"), "4");
        b.type(By.id("surveyComment"), "办理时间明显缩短");
        b.clickInView(By.id("project-survey-submit"));
        b.waitForText(By.id("project-stage"), "项目后运营");
        assertThat(b.text(By.id("project-average"))).isEqualTo("4.0");
        assertThat(b.driver.getPageSource()).doesNotContain("??");
        b.screenshot("project-02-operation");
        b.open("/");
        b.signOut();

        assertThat(jdbc.queryForList("SELECT actor FROM del_project_stage WHERE project_id = ? ORDER BY id", String.class,
                Long.parseLong(projectId))).containsExactly("zhouba", "sunqi", "chenqc", "zhouba", "chenqc", "linops", "zhangsan");

        // the page in English
        b.signIn("zhouba");
        b.open("/delivery/projects/" + projectId + "?lang=en");
        b.waitForText(By.id("project-stage"), "Post-project operation");
        assertThat(b.driver.getPageSource()).contains("Stage history", "Budget").doesNotContain("??");
        b.open("/delivery/projects?lang=zh-CN");
        b.signOut();

        // an external participant sees neither the pages nor the API
        b.signIn("issuer01");
        assertThat(b.driver.findElements(By.xpath("//nav[contains(@class,'shell-nav')]//a[normalize-space()='项目']"))).isEmpty();
        b.open("/delivery/projects/" + projectId);
        assertThat(b.driver.findElements(By.id("project-stage"))).isEmpty();
        b.open("/delivery/projects");
        assertThat(b.driver.findElements(By.id("projects"))).isEmpty();
        b.open("/api/delivery/projects/" + projectId);
        assertThat(b.driver.getPageSource()).contains("403").doesNotContain("登记系统升级");
    }

    /** Opens the milestone from the person's inbox, follows the task page's link to the project and completes it. */
    private void approveFromInbox(Browser b, String user, String caseId, String nextStage) {
        b.signIn(user);
        b.open("/");
        b.openTaskOf(caseId);
        b.click(By.id("module-link"));
        b.waitFor(By.id("project-stage"));
        complete(b);
        assertThat(b.text(By.id("project-stage"))).isEqualTo(nextStage);
        b.open("/");
        b.signOut();
    }

    private static void complete(Browser b) {
        b.type(By.id("advance-comment"), "同意");
        b.submit(By.id("project-advance"));
        b.waitFor(By.cssSelector(".flash.ok"));
    }

    /** A clearflow version whose artifact went through the stages and is deployed to production (the delivery flow's own tests cover how). */
    private long versionInProduction() throws Exception {
        var wujiu = directory.requireMember("wujiu");
        long versionId = versions.create(wujiu, new NewVersion("clearflow", "5." + System.nanoTime() % 100000, null, null));
        byte[] content = ("project browser build " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long artifactId = artifacts.upload(wujiu, versionId, "app.jar", new ByteArrayInputStream(content), content.length)
                .artifact().id();
        artifacts.promote(artifactId, "test", "zhengshi", "submission/1/entry");
        artifacts.promote(artifactId, "staging", "chenqc", "submission/1/qc");
        artifacts.promote(artifactId, "production", "zhouba", "change/1/approved");
        long deploymentId = deployments.deploy(directory.requireMember("linops"), artifactId, "production", null);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!deployments.require(deploymentId).finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(deployments.require(deploymentId).state()).isEqualTo("succeeded");
        return versionId;
    }
}
