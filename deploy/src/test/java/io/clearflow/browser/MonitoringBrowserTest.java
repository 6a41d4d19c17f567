package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.monitor.FlakyLedger;
import io.clearflow.engine.work.WorkService;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Monitoring in a real headless Chromium: a service task fails because the ledger it books with is
 * down; an operations user finds the failed job in job monitoring, reads its stack trace, and after
 * the ledger is repaired retries it from the page, and the instance moves on to its next step. The
 * usage statistics page draws its charts. The failing process ({@code monitorRepairable}) and its
 * ledger ({@link FlakyLedger}) come with the engine's test jar. The async executor is off, so the
 * test runs the job where the executor would, and the figures do not depend on its timing.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:monitoring-browser;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data"})
class MonitoringBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1000);

    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired FlakyLedger ledger;

    @Test
    void opsSeesTheFailingJobRetriesItAfterTheFixAndTheStatisticsChartRenders() throws Exception {
        ledger.breakDown();
        String caseId = work.start(directory.requireMember("zhangsan"), "monitorRepairable", "BRW-1", Map.of()).id();
        String jobId = management.createJobQuery().processInstanceId(caseId).singleResult().getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);

        Browser b = browser.get();
        b.signIn("linops");
        b.open("/monitor/jobs");
        WebElement row = b.waitFor(By.cssSelector("tr.job-row[data-case='" + caseId + "']"));
        assertThat(row.getText()).contains("等待重试").contains("Book with the ledger");
        b.screenshot("monitor-01-failed-job");
        row.findElement(By.cssSelector("td:nth-child(5) a")).click();
        assertThat(b.text(By.id("root-cause"))).contains("ledger unreachable");
        assertThat(b.text(By.id("stacktrace"))).contains("FlakyLedger.book");
        b.screenshot("monitor-02-job-detail");

        b.open("/monitor/instances?status=failed");
        assertThat(b.text(By.cssSelector("tr.instance-row[data-case='" + caseId + "']"))).contains("作业失败");

        // the cause is fixed (the ledger is back); the operator retries from the job page
        ledger.repair();
        b.open("/monitor/jobs");
        b.waitFor(By.cssSelector("tr.job-row[data-case='" + caseId + "'] td:nth-child(5) a")).click();
        b.submit(By.id("job-retry"));
        b.waitForText(By.cssSelector(".flash.ok"), "重试");
        String executable = management.createJobQuery().processInstanceId(caseId).singleResult().getId();
        management.executeJob(executable); // where the async executor would run it

        b.open("/monitor/instances/" + caseId);
        assertThat(b.text(By.id("instance-status"))).contains("运行中");
        assertThat(b.text(By.id("run-log"))).contains("Book with the ledger").contains("Confirm booking");
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey()).isEqualTo("confirm");
        b.screenshot("monitor-03-instance-continued");
        b.open("/monitor/jobs");
        assertThat(b.driver.findElements(By.cssSelector("tr.job-row[data-case='" + caseId + "']"))).isEmpty();

        b.open("/monitor/statistics");
        WebElement chart = b.chartReady("chart-process-volume");
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        b.chartReady("chart-department-duration");
        assertThat(b.text(By.id("stats-process"))).contains("Repairable booking (test)");
        b.screenshot("monitor-04-statistics");
        b.signOut();
    }
}
