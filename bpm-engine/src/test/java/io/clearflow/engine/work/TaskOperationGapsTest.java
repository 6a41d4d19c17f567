package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.electronic.PutbackService;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task operations over REST on the electronic reference process, with their answers and the
 * lifecycle each leaves in the event log. Bad inputs tried: completing a task someone else
 * claimed (403), completing a task that is already completed (409), withdrawing after the next step
 * was claimed (409), sending back to a step that never ran and to an unknown step (400), and an
 * overdue task (highlighted on the inbox and the task page).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TaskOperationGapsTest {

    @Autowired MockMvc mvc;
    @Autowired PutbackService putbacks;
    @Autowired TaskForms taskForms;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogService eventLog;
    @Autowired TaskService engineTasks;

    Member m(String id) {
        return directory.requireMember(id);
    }

    private String newCase() {
        LocalDate start = LocalDate.now().plusDays(10);
        Map<String, Object> v = new HashMap<>();
        v.put("issuerName", "发行人");
        v.put("securityCode", "110059");
        v.put("securityName", "浦发转债");
        v.put("putbackPrice", "100");
        v.put("registrationStart", start.toString());
        v.put("registrationEnd", start.plusDays(4).toString());
        v.put("paymentDate", start.plusDays(9).toString());
        v.put("contactName", "王经理");
        v.put("contactPhone", "13800138000");
        return putbacks.submit(m("issuer01"), v).caseId();
    }

    private String task(String caseId, String who) {
        return work.inbox(m(who), 0, 200).stream().filter(t -> caseId.equals(t.caseId())).findFirst().orElseThrow().id();
    }

    private String json(String body) {
        return body;
    }

    private List<PlatformEvent> events(String caseId, String lifecycle) {
        return eventLog.find(m("admin"), new EventLogFilter(caseId, null, null, null, null, lifecycle, null, null, null),
                0, 100).content();
    }

    private org.springframework.test.web.servlet.ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void completingSomeoneElsesTaskIs403AndAnAlreadyCompletedOneIs409() throws Exception {
        String caseId = newCase();
        String taskId = task(caseId, "lisi");
        postJson("/api/tasks/" + taskId + "/claim", "lisi", "").andExpect(status().isOk());
        postJson("/api/tasks/" + taskId + "/form", "zhangsan", "{\"values\":{\"approved\":\"true\",\"comment\":\"x\"}}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postJson("/api/tasks/" + taskId + "/complete", "zhangsan", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isForbidden());
        assertThat(events(caseId, "complete")).noneMatch(e -> e.scope() == PlatformEvent.Scope.TASK);

        postJson("/api/tasks/" + taskId + "/form", "lisi", "{\"values\":{\"approved\":\"true\",\"comment\":\"同意\"}}")
                .andExpect(status().isNoContent());
        postJson("/api/tasks/" + taskId + "/form", "lisi", "{\"values\":{\"approved\":\"true\",\"comment\":\"再来一次\"}}")
                .andExpect(status().isConflict());
        postJson("/api/tasks/" + taskId + "/complete", "zhangsan", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("这项任务已经办结。"));
        postJson("/api/tasks/" + taskId + "/complete?lang=en", "zhangsan", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("this task has already been completed"));
        // someone who never could have taken it still learns nothing about it
        postJson("/api/tasks/" + taskId + "/complete", "zhaoliu", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isNotFound());
        assertThat(events(caseId, "complete")).filteredOn(e -> e.scope() == PlatformEvent.Scope.TASK).singleElement()
                .satisfies(e -> assertThat(e.resource()).isEqualTo("lisi"));
    }

    @Test
    void withdrawingAfterTheNextStepStartedIs409AndBeforeItTakesTheStepBack() throws Exception {
        String caseId = newCase();
        taskForms.complete(m("lisi"), task(caseId, "lisi"), Map.of("approved", "true", "comment", "同意"));
        String clearing = task(caseId, "wangwu");
        postJson("/api/tasks/" + clearing + "/claim", "wangwu", "").andExpect(status().isOk());
        postJson("/api/processes/" + caseId + "/withdraw", "lisi", "{\"reason\":\"意见写错\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(events(caseId, PlatformEvent.Lifecycle.WITHDRAW)).isEmpty();

        postJson("/api/tasks/" + clearing + "/unclaim", "wangwu", "").andExpect(status().isOk());
        postJson("/api/processes/" + caseId + "/withdraw", "lisi", "{\"reason\":\"意见写错\"}").andExpect(status().isNoContent());
        assertThat(work.inbox(m("lisi"), 0, 200)).anyMatch(t -> caseId.equals(t.caseId())
                && "registryReview".equals(t.activityId()) && "lisi".equals(t.assignee()));
        assertThat(events(caseId, PlatformEvent.Lifecycle.WITHDRAW)).singleElement().satisfies(e -> {
            assertThat(e.resource()).isEqualTo("lisi");
            assertThat(e.activityId()).isEqualTo("clearingReview");
            assertThat(e.attributes()).containsEntry("reason", "意见写错");
        });
        assertThat(events(caseId, PlatformEvent.Lifecycle.UNASSIGN)).anySatisfy(e -> assertThat(e.resource()).isEqualTo("wangwu"));
    }

    @Test
    void sendingBackToAStepThatNeverRanIs400AndChangesNothing() throws Exception {
        String caseId = newCase();
        taskForms.complete(m("lisi"), task(caseId, "lisi"), Map.of("approved", "true", "comment", "同意"));
        String clearing = task(caseId, "wangwu");
        for (String target : List.of("signOff", "no-such-step", "clearingReview")) {
            postJson("/api/tasks/" + clearing + "/send-back", "wangwu", "{\"targetActivityId\":\"" + target + "\",\"reason\":\"x\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.targetActivityId").exists());
        }
        assertThat(task(caseId, "wangwu")).isEqualTo(clearing);
        assertThat(events(caseId, PlatformEvent.Lifecycle.SEND_BACK)).isEmpty();
        postJson("/api/tasks/" + clearing + "/send-back", "wangwu", "{\"targetActivityId\":\"registryReview\",\"reason\":\"补充材料\"}")
                .andExpect(status().isNoContent());
        assertThat(events(caseId, PlatformEvent.Lifecycle.SEND_BACK)).singleElement()
                .satisfies(e -> assertThat(e.resource()).isEqualTo("wangwu"));
    }

    @Test
    void aStepWithAFormCannotBeCompletedAroundIt() throws Exception {
        String caseId = newCase();
        String registry = task(caseId, "lisi");
        postJson("/api/tasks/" + registry + "/complete", "lisi", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isConflict());
        assertThat(engineTasks.createTaskQuery().taskId(registry).count()).isOne();
        assertThat(events(caseId, "complete")).noneMatch(e -> e.scope() == PlatformEvent.Scope.TASK);
    }

    @Test
    void everyOperationWritesItsLifecycleToTheEventLog() throws Exception {
        String caseId = newCase();
        String registry = task(caseId, "lisi");
        postJson("/api/tasks/" + registry + "/claim", "lisi", "").andExpect(status().isOk());
        postJson("/api/tasks/" + registry + "/unclaim", "lisi", "").andExpect(status().isOk());
        postJson("/api/tasks/" + registry + "/claim", "zhangsan", "").andExpect(status().isOk());
        postJson("/api/tasks/" + registry + "/delegate", "zhangsan", "{\"userId\":\"lisi\",\"comment\":\"请核对\"}")
                .andExpect(status().isOk());
        postJson("/api/tasks/" + registry + "/complete", "lisi", "{}").andExpect(status().isNoContent()); // resolves to owner
        postJson("/api/tasks/" + registry + "/transfer", "zhangsan", "{\"userId\":\"lisi\"}").andExpect(status().isOk());
        postJson("/api/tasks/" + registry + "/form", "lisi", "{\"values\":{\"approved\":\"true\",\"comment\":\"同意\"}}")
                .andExpect(status().isNoContent());
        String clearing = task(caseId, "wangwu");
        postJson("/api/tasks/" + clearing + "/send-back", "wangwu", "{\"targetActivityId\":\"registryReview\",\"reason\":\"补\"}")
                .andExpect(status().isNoContent());
        taskForms.complete(m("lisi"), task(caseId, "lisi"), Map.of("approved", "true", "comment", "已补"));
        postJson("/api/processes/" + caseId + "/withdraw", "lisi", "{\"reason\":\"撤回修改\"}").andExpect(status().isNoContent());

        List<PlatformEvent> log = eventLog.find(m("admin"), EventLogFilter.none().withCaseId(caseId), 0, 500).content();
        var byLifecycle = log.stream().filter(e -> e.scope() == PlatformEvent.Scope.TASK)
                .map(e -> e.lifecycle() + ":" + e.resource()).toList();
        assertThat(byLifecycle).contains("assign:lisi", "unassign:lisi", "assign:zhangsan", "delegate:zhangsan",
                "reassign:zhangsan", "complete:lisi", "send-back:wangwu", "withdraw:lisi");
        assertThat(log).filteredOn(e -> "schedule".equals(e.lifecycle()) && "registryReview".equals(e.activityId()))
                .hasSize(3); // first arrival, after the send-back, after the withdrawal
    }

    @Test
    void anOverdueTaskIsHighlightedInTheInboxAndOnItsPage() throws Exception {
        String caseId = newCase();
        String taskId = task(caseId, "lisi");
        engineTasks.setDueDate(taskId, Date.from(java.time.Instant.now().minusSeconds(3600)));
        String home = mvc.perform(get("/").with(user("lisi").roles("BUSINESS"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String row = home.substring(home.indexOf("data-case=\"" + caseId + "\"") - 60);
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("overdue").contains("已超期");
        String page = mvc.perform(get("/tasks/" + taskId).with(user("lisi").roles("BUSINESS"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"task-overdue\"").contains("id=\"task-form\"")
                .contains("data-form-src=\"/api/tasks/" + taskId + "/form\"").contains("审核结论");
    }
}
