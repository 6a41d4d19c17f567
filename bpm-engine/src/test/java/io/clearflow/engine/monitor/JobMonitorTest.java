package io.clearflow.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Job monitoring on a job that really fails: it shows as waiting to retry, then as a dead letter
 * with its error; retry runs it again; delete removes it. Inputs tried: a business user (403), an
 * unknown job id (404), deleting from the page without the confirmation's CSRF token (403).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobMonitorTest {

    @Autowired MockMvc mvc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired ManagementService management;

    private String failOnce(String caseId) {
        var job = management.createJobQuery().processInstanceId(caseId).singleResult();
        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        return job.getId();
    }

    private String failedJobOf(String caseId) throws Exception {
        String json = mvc.perform(get("/api/monitor/jobs").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<String> ids = com.jayway.jsonpath.JsonPath.read(json, "$[?(@.caseId == '" + caseId + "')].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private String stateOf(String caseId) throws Exception {
        String json = mvc.perform(get("/api/monitor/jobs").with(httpBasic("linops", "demo")))
                .andReturn().getResponse().getContentAsString();
        java.util.List<String> states = com.jayway.jsonpath.JsonPath.read(json, "$[?(@.caseId == '" + caseId + "')].state");
        return states.isEmpty() ? null : states.get(0);
    }

    @Test
    void aFailingJobIsShownRetriedAndFinallyDeleted() throws Exception {
        String caseId = work.start(directory.requireMember("zhangsan"), "failingJob", null, Map.of()).id();
        failOnce(caseId);
        assertThat(stateOf(caseId)).isEqualTo("retrying");

        // retry now, until the retries are used up: it becomes a dead letter with its error
        while ("retrying".equals(stateOf(caseId))) {
            mvc.perform(post("/api/monitor/jobs/" + failedJobOf(caseId) + "/retry").with(httpBasic("linops", "demo")))
                    .andExpect(status().isNoContent());
            failOnce(caseId);
        }
        assertThat(stateOf(caseId)).isEqualTo("dead");
        String dead = failedJobOf(caseId);
        String trace = mvc.perform(get("/api/monitor/jobs/" + dead + "/stacktrace").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(trace).contains("noSuchBean");
        String page = mvc.perform(get("/monitor/jobs").with(user("linops").roles("OPS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(caseId).contains("重试用尽").doesNotContain("??");

        // a dead letter retried gets fresh retries and runs again
        mvc.perform(post("/api/monitor/jobs/" + dead + "/retry").with(httpBasic("linops", "demo")))
                .andExpect(status().isNoContent());
        assertThat(management.createJobQuery().processInstanceId(caseId).singleResult().getRetries())
                .isEqualTo(JobMonitor.RETRIES_ON_RETRY);
        failOnce(caseId);

        String failed = failedJobOf(caseId);
        mvc.perform(post("/monitor/jobs/" + failed + "/delete").with(user("linops").roles("OPS")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/monitor/jobs/" + failed + "/delete").with(user("linops").roles("OPS")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(caseId)).isNull();
        assertThat(management.createTimerJobQuery().processInstanceId(caseId).count()).isZero();
    }

    @Test
    void onlyOperationsSeeJobsAndUnknownIdsAre404() throws Exception {
        mvc.perform(get("/api/monitor/jobs").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/monitor/jobs").with(user("zhangsan").roles("BUSINESS"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/monitor/jobs/no-such-job/retry").with(httpBasic("linops", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/monitor/jobs/no-such-job").with(httpBasic("admin", "demo")))
                .andExpect(status().isNotFound());
    }
}
