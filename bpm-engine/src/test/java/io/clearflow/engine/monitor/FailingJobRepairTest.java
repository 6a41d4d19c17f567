package io.clearflow.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service task that throws (its ledger is down) shows up in job monitoring with its error and
 * stack trace, its instance shows as failed in the instance query and the run log; after the cause
 * is fixed, a retry runs it and the process continues to its next step. Also: moving a dead letter
 * and a timer back to the executable jobs, deleting after confirmation, and the inputs tried:
 * unknown job ids (404), moving an async job (409), an unknown view (400), a business user (403).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FailingJobRepairTest {

    @Autowired MockMvc mvc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired FlakyLedger ledger;

    @AfterEach
    void ledgerDownAgain() {
        ledger.breakDown();
    }

    private String start() {
        return work.start(directory.requireMember("zhangsan"), "monitorRepairable", "BOOK-1", Map.of()).id();
    }

    private String runJobOf(String caseId, boolean expectFailure) {
        var job = management.createJobQuery().processInstanceId(caseId).singleResult();
        if (expectFailure) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        } else {
            management.executeJob(job.getId());
        }
        return job.getId();
    }

    private List<String> jobIds(String view, String caseId) throws Exception {
        String json = mvc.perform(get("/api/monitor/jobs").param("view", view).param("caseId", caseId)
                        .with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$[*].id");
    }

    @Test
    void aFailingServiceTaskIsShownAndAfterTheFixARetryLetsTheProcessContinue() throws Exception {
        String caseId = start();
        runJobOf(caseId, true);

        // job monitoring: failed, waiting for a retry, with the service's own error and a stack trace
        List<String> failed = jobIds("failed", caseId);
        assertThat(failed).hasSize(1);
        String jobId = failed.get(0);
        mvc.perform(get("/api/monitor/jobs/" + jobId).with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("retrying"))
                .andExpect(jsonPath("$.kind").value("timer"))
                .andExpect(jsonPath("$.activityId").value("book"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("flakyLedger.book")));
        String trace = mvc.perform(get("/api/monitor/jobs/" + jobId + "/stacktrace").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(trace).contains("IllegalStateException").contains("FlakyLedger.book");
        assertThat(JobMonitor.rootCause(trace)).startsWith("java.lang.IllegalStateException: ledger unreachable");
        String page = mvc.perform(get("/monitor/jobs/" + jobId).with(user("linops").roles("OPS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("ledger unreachable").contains("FlakyLedger").doesNotContain("??");

        // the instance query and the run log show the instance as failed
        mvc.perform(get("/api/monitor/instances").param("status", "failed").param("processKey", "monitorRepairable")
                        .with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + caseId + "')].status").value("failed"));
        mvc.perform(get("/api/monitor/instances/" + caseId + "/run-log").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instance.status").value("failed"))
                .andExpect(jsonPath("$.steps[0].outcome").value("failed"))
                .andExpect(jsonPath("$.steps[0].note").value(org.hamcrest.Matchers.containsString("flakyLedger.book")));

        // a retry before the fix fails again (one retry fewer); after the fix the process goes on
        mvc.perform(post("/api/monitor/jobs/" + jobId + "/retry").with(httpBasic("linops", "demo")))
                .andExpect(status().isNoContent());
        runJobOf(caseId, true);
        ledger.repair();
        String again = jobIds("failed", caseId).get(0);
        mvc.perform(post("/monitor/jobs/" + again + "/retry").with(user("linops").roles("OPS")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        runJobOf(caseId, false); // the async executor's part: it is off in tests

        assertThat(jobIds("all", caseId)).isEmpty();
        var next = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("confirm");
        mvc.perform(get("/api/monitor/instances/" + caseId).with(httpBasic("linops", "demo")))
                .andExpect(jsonPath("$.status").value("running"));
        mvc.perform(get("/api/monitor/instances/" + caseId + "/run-log").with(httpBasic("linops", "demo")))
                .andExpect(jsonPath("$.steps[?(@.activityId == 'confirm')].outcome").value("open"));
    }

    @Test
    void deadLettersAndTimersMoveBackToExecutableAndJobsAreDeletedOnlyWithConfirmation() throws Exception {
        String caseId = start();
        String jobId = runJobOf(caseId, true);
        // out of retries: a dead letter
        while (management.createDeadLetterJobQuery().processInstanceId(caseId).count() == 0) {
            management.moveTimerToExecutableJob(management.createTimerJobQuery().processInstanceId(caseId).singleResult().getId());
            runJobOf(caseId, true);
        }
        String dead = jobIds("deadletter", caseId).get(0);
        mvc.perform(get("/api/monitor/jobs/" + dead).with(httpBasic("linops", "demo")))
                .andExpect(jsonPath("$.state").value("dead"));
        mvc.perform(post("/api/monitor/jobs/" + dead + "/move-to-executable").with(httpBasic("linops", "demo")))
                .andExpect(status().isNoContent());
        var executable = management.createJobQuery().processInstanceId(caseId).singleResult();
        assertThat(executable.getRetries()).isEqualTo(JobMonitor.RETRIES_ON_RETRY);
        // an async job is already executable: moving it is a conflict, and nothing changes
        mvc.perform(post("/api/monitor/jobs/" + executable.getId() + "/move-to-executable").with(httpBasic("linops", "demo")))
                .andExpect(status().isConflict());
        assertThat(jobIds("async", caseId)).containsExactly(executable.getId());

        // a timer (the failed job waiting for its retry) moved back runs at once
        runJobOf(caseId, true);
        String timer = jobIds("timer", caseId).get(0);
        mvc.perform(post("/api/monitor/jobs/" + timer + "/move-to-executable").with(httpBasic("linops", "demo")))
                .andExpect(status().isNoContent());
        assertThat(jobIds("timer", caseId)).isEmpty();
        assertThat(jobIds("async", caseId)).hasSize(1);

        // delete: the page form needs its CSRF token (the confirmation form carries it); REST deletes any kind
        String async = jobIds("async", caseId).get(0);
        mvc.perform(post("/monitor/jobs/" + async + "/delete").with(user("linops").roles("OPS")))
                .andExpect(status().isForbidden());
        assertThat(jobIds("async", caseId)).hasSize(1);
        mvc.perform(delete("/api/monitor/jobs/" + async).with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(jobIds("all", caseId)).isEmpty();
        assertThat(jobId).isNotBlank();
    }

    @Test
    void badJobInputsChangeNothing() throws Exception {
        mvc.perform(get("/api/monitor/jobs/no-such-job").with(httpBasic("linops", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/monitor/jobs/no-such-job/stacktrace").with(httpBasic("linops", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/monitor/jobs/no-such-job/move-to-executable").with(httpBasic("linops", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitor/jobs").param("view", "everything' OR 1=1 --").with(httpBasic("linops", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/monitor/jobs").param("view", "bogus").with(user("linops").roles("OPS")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitor/jobs/counts").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/monitor/jobs/counts").with(httpBasic("zhouba", "demo"))).andExpect(status().isOk());
    }
}
