package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Delegating (委派), transferring (转办), comments and overdue tasks. Inputs tried: handing over a
 * task not claimed, to oneself, to an unknown user, to someone outside the department who is no
 * candidate; a blank comment; a comment by someone who may not see the task.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HandOverAndCommentsTest {

    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;
    @Autowired TaskService engineTasks;
    @Autowired MockMvc mvc;

    Member m(String id) {
        return directory.requireMember(id);
    }

    private String claimedReview(Member reviewer) {
        var request = approvals.submit(m("zhangsan"), "t", BigDecimal.ONE, "r");
        String taskId = work.inbox(reviewer, 0, 200).stream().filter(t -> t.caseId().equals(request.caseId()))
                .findFirst().orElseThrow().id();
        work.claim(reviewer, taskId);
        return taskId;
    }

    @Test
    void aDelegatedTaskComesBackToItsOwnerWhoCompletesIt() {
        String taskId = claimedReview(m("lisi"));
        var delegated = work.delegate(m("lisi"), taskId, "zhangsan", "请核对金额");
        assertThat(delegated.assignee()).isEqualTo("zhangsan");
        assertThat(delegated.owner()).isEqualTo("lisi");
        assertThat(delegated.delegated()).isTrue();

        work.complete(m("zhangsan"), taskId, Map.of(), "已核对");
        var back = work.task(m("lisi"), taskId);
        assertThat(back.assignee()).isEqualTo("lisi");
        assertThat(back.delegated()).isFalse();

        work.complete(m("lisi"), taskId, Map.of("approved", true), null);
        assertThat(work.inbox(m("hegui"), 0, 200)).anyMatch(t -> t.caseId().equals(back.caseId()));
        assertThat(log.count(new EventLogFilter(back.caseId(), null, null, "lisi", null, "delegate", null, null, null)))
                .isEqualTo(1);
        assertThat(work.comments(m("hegui"), work.inbox(m("hegui"), 0, 200).stream()
                .filter(t -> t.caseId().equals(back.caseId())).findFirst().orElseThrow().id()))
                .extracting(WorkService.Comment::message).contains("请核对金额", "已核对");
    }

    @Test
    void aTransferredTaskBelongsToTheColleagueFromThenOn() {
        String taskId = claimedReview(m("lisi"));
        work.transfer(m("lisi"), taskId, "zhangsan", null);
        assertThat(work.task(m("zhangsan"), taskId).assignee()).isEqualTo("zhangsan");
        assertThatThrownBy(() -> work.complete(m("lisi"), taskId, Map.of("approved", true), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(log.count(new EventLogFilter(null, null, null, "lisi", null, "reassign", null, null, null)))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void handingOverNeedsAClaimAndAColleagueWhoMaySeeTheTask() {
        var request = approvals.submit(m("zhangsan"), "t", BigDecimal.ONE, "r");
        String taskId = work.inbox(m("lisi"), 0, 200).stream().filter(t -> t.caseId().equals(request.caseId()))
                .findFirst().orElseThrow().id();
        assertThatThrownBy(() -> work.transfer(m("lisi"), taskId, "zhangsan", null)).isInstanceOf(ConflictException.class);
        work.claim(m("lisi"), taskId);
        assertThatThrownBy(() -> work.transfer(m("lisi"), taskId, "lisi", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> work.transfer(m("lisi"), taskId, "nobody", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> work.delegate(m("lisi"), taskId, "wangwu", null)).isInstanceOf(InvalidRequestException.class);
        assertThat(work.task(m("lisi"), taskId).assignee()).isEqualTo("lisi");
    }

    @Test
    void commentsNeedTextAndAReaderWhoMaySeeTheTask() {
        String taskId = claimedReview(m("lisi"));
        work.comment(m("lisi"), taskId, "<i>第一条</i>");
        assertThatThrownBy(() -> work.comment(m("lisi"), taskId, "  ")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> work.comment(m("wangwu"), taskId, "x"))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class); // another department's: not found, as its case
        assertThat(work.comments(m("zhangsan"), taskId)).extracting(WorkService.Comment::message).containsExactly("<i>第一条</i>");
    }

    @Test
    void overdueTasksAreMarkedInTheInbox() throws Exception {
        String taskId = claimedReview(m("lisi"));
        engineTasks.setDueDate(taskId, Date.from(Instant.now().minusSeconds(3600)));
        assertThat(work.task(m("lisi"), taskId).overdueAt(Instant.now())).isTrue();
        String html = mvc.perform(get("/").with(user("lisi").roles("BUSINESS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("class=\"task-row overdue\"").contains("已超期");
        String page = mvc.perform(get("/tasks/" + taskId).with(user("lisi").roles("BUSINESS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("移交给").contains("意见与讨论").contains("id=\"attach-form\"").doesNotContain("??");
        String caseId = work.task(m("lisi"), taskId).caseId();
        String casePage = mvc.perform(get("/cases/" + caseId).with(user("lisi").roles("BUSINESS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("id=\"attachments\"").doesNotContain("attach-form");
    }
}
