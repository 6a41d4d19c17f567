package io.clearflow.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The run log of a real reference approval (who claimed and handled each step, waiting and
 * handling times) and exception-task handling: an overdue task is listed and reassigned to another
 * candidate, which the event log records. Inputs tried: reassigning to someone who is not a
 * candidate (400), to an unknown user (400), without a reason (400), an unknown task (404), and a
 * business user calling it (403); none changes the task.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RunLogAndExceptionTasksTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired TaskService tasks;
    @Autowired EventLogRepository events;

    private String taskOf(String caseId) {
        return tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    }

    @Test
    void theRunLogShowsWhoHandledEachStepWithWaitingAndHandlingTimes() throws Exception {
        Member zhangsan = directory.requireMember("zhangsan");
        Member lisi = directory.requireMember("lisi");
        Member hegui = directory.requireMember("hegui");
        String caseId = approvals.submit(zhangsan, "运行日志", new BigDecimal("10.00"), "test").caseId();
        String review = taskOf(caseId);
        work.claim(lisi, review);
        approvals.decide(lisi, review, true, "ok");
        approvals.decide(hegui, taskOf(caseId), true, null);

        String json = mvc.perform(get("/api/monitor/instances/" + caseId + "/run-log").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instance.status").value("completed"))
                .andExpect(jsonPath("$.instance.initiator").value("zhangsan"))
                .andExpect(jsonPath("$.instance.department").value("dept-registry"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$.steps[*].activityId")).containsExactly("departmentReview", "complianceReview");
        assertThat(JsonPath.<List<String>>read(json, "$.steps[*].claimedBy")).containsExactly("lisi", "hegui");
        assertThat(JsonPath.<List<String>>read(json, "$.steps[*].finishedBy")).containsExactly("lisi", "hegui");
        assertThat(JsonPath.<List<String>>read(json, "$.steps[*].outcome")).containsExactly("completed", "completed");
        // times are the differences of the logged instants, whatever they are
        List<String> arrived = JsonPath.read(json, "$.steps[*].arrived");
        List<String> claimed = JsonPath.read(json, "$.steps[*].claimed");
        List<String> finished = JsonPath.read(json, "$.steps[*].finished");
        List<Number> waiting = JsonPath.read(json, "$.steps[*].waitingMs");
        List<Number> handling = JsonPath.read(json, "$.steps[*].handlingMs");
        for (int i = 0; i < 2; i++) {
            assertThat(waiting.get(i).longValue()).isEqualTo(
                    Instant.parse(claimed.get(i)).toEpochMilli() - Instant.parse(arrived.get(i)).toEpochMilli());
            assertThat(handling.get(i).longValue()).isEqualTo(
                    Instant.parse(finished.get(i)).toEpochMilli() - Instant.parse(claimed.get(i)).toEpochMilli());
        }
        // the raw rows are the event log's own
        assertThat(JsonPath.<List<Object>>read(json, "$.events")).hasSize(
                events.find(EventLogFilter.none().withCaseId(caseId), 0, 1000).size());

        // the initiator's department sees it; another department does not; the page renders the timeline
        mvc.perform(get("/api/monitor/instances/" + caseId + "/run-log").with(httpBasic("lisi", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/monitor/instances/" + caseId + "/run-log").with(httpBasic("wangwu", "demo")))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/monitor/instances/" + caseId).with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"run-log\"").contains("id=\"timeline\"").contains("部门审核").contains("李四")
                .doesNotContain("??");
    }

    @Test
    void anOverdueTaskIsListedAndReassignedToAnotherCandidate() throws Exception {
        String caseId = approvals.submit(directory.requireMember("zhangsan"), "超期", new BigDecimal("1.00"), "test").caseId();
        String taskId = taskOf(caseId);
        tasks.setDueDate(taskId, Date.from(Instant.now().minusSeconds(3600)));

        String list = mvc.perform(get("/api/monitor/exception-tasks").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Boolean>>read(list, "$[?(@.id == '" + taskId + "')].overdue")).containsExactly(true);
        assertThat(JsonPath.<List<Boolean>>read(list, "$[?(@.id == '" + taskId + "')].failedJob")).containsExactly(false);
        mvc.perform(get("/api/monitor/exception-tasks").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/monitor/exceptions").with(user("zhangsan").roles("BUSINESS"))).andExpect(status().isForbidden());

        for (String[] bad : new String[][] {{"wangwu", "not a candidate"}, {"nobody-here", "unknown user"}, {"lisi", " "}}) {
            mvc.perform(post("/api/monitor/exception-tasks/" + taskId + "/reassign").with(httpBasic("linops", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"userId\":\"" + bad[0] + "\",\"reason\":\"" + bad[1] + "\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/monitor/exception-tasks/no-such-task/reassign").with(httpBasic("linops", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"lisi\",\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/monitor/exception-tasks/" + taskId + "/reassign").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"lisi\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        String page = mvc.perform(get("/monitor/exceptions").with(user("linops").roles("OPS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(taskId).doesNotContain("??");
        mvc.perform(post("/monitor/exceptions/" + taskId + "/reassign").param("userId", "lisi").param("reason", "张三休假")
                        .with(user("linops").roles("OPS")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("lisi");
        var reassign = events.find(EventLogFilter.none().withCaseId(caseId), 0, 100).stream()
                .filter(e -> "reassign".equals(e.lifecycle())).toList();
        assertThat(reassign).hasSize(1);
        assertThat(reassign.get(0).resource()).isEqualTo("linops");
        assertThat(reassign.get(0).attributes()).containsEntry("to", "lisi").containsEntry("reason", "张三休假");
        // lisi now has it in the inbox
        assertThat(work.inbox(directory.requireMember("lisi"), 0, 200)).anyMatch(t -> t.id().equals(taskId) && "lisi".equals(t.assignee()));
    }
}
