package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A rejection needs a reason, and the initiator reads every reviewer's decision, comment and send-back
 * reason, by name and step, on the case page. The last approval says the case has ended.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseOpinionsTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired UserDetailsService users;

    private Member m(String userId) {
        return directory.requireMember(userId);
    }

    private RequestPostProcessor as(String userId) {
        return user(users.loadUserByUsername(userId));
    }

    private String taskOf(String userId, String caseId) {
        return work.inbox(m(userId), 0, 200).stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow().id();
    }

    @Test
    void aRejectionWithoutReasonIsRefusedAndTheInitiatorReadsTheReason() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "变更托管账户", BigDecimal.TEN, "客户要求").caseId();
        String review = taskOf("lisi", caseId);
        mvc.perform(post("/tasks/" + review + "/decision").with(as("lisi")).with(csrf()).param("approved", "false"))
                .andExpect(redirectedUrl("/tasks/" + review))
                .andExpect(flash().attribute("flashError", "task.decision.reasonRequired"));
        mvc.perform(post("/api/approvals/tasks/" + review + "/decision").with(httpBasic("lisi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":false,\"comment\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.comment").value("驳回时请填写理由，发起人会在流程页面看到它。"));
        assertThat(work.task(m("lisi"), review).id()).isEqualTo(review); // still open

        mvc.perform(post("/tasks/" + review + "/decision").with(as("lisi")).with(csrf())
                        .param("approved", "false").param("comment", "缺少客户签字的授权书"))
                .andExpect(flash().attribute("flash", "task.rejected"));
        String page = mvc.perform(get("/cases/" + caseId).with(as("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the initiator by name, not by user id
        assertThat(page).contains("<dd id=\"case-started-by\">张三</dd>");
        assertThat(page).contains("id=\"case-opinions\"").contains("缺少客户签字的授权书").contains("李四")
                .contains("data-type=\"reject\"").doesNotContain("??");
    }

    @Test
    void everyDecisionAndSendBackShowsOnTheCaseAndTheLastApprovalSaysTheCaseEnded() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "调整限额", BigDecimal.ONE, "业务需要").caseId();
        mvc.perform(post("/tasks/" + taskOf("lisi", caseId) + "/decision").with(as("lisi")).with(csrf())
                        .param("approved", "true").param("comment", "部门同意"))
                .andExpect(flash().attribute("flash", "task.approved"));
        String compliance = taskOf("hegui", caseId);
        mvc.perform(post("/tasks/" + compliance + "/send-back").with(as("hegui")).with(csrf())
                        .param("targetActivityId", "departmentReview").param("reason", "请补充限额测算表"))
                .andExpect(flash().attribute("flash", "task.sentBack"));
        mvc.perform(post("/tasks/" + taskOf("lisi", caseId) + "/decision").with(as("lisi")).with(csrf())
                        .param("approved", "true"))
                .andExpect(flash().attribute("flash", "task.approved"));
        mvc.perform(post("/tasks/" + taskOf("hegui", caseId) + "/decision").with(as("hegui")).with(csrf())
                        .param("approved", "true").param("comment", "合规通过"))
                .andExpect(flash().attribute("flash", "task.approved.ended"));
        String page = mvc.perform(get("/cases/" + caseId).with(as("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("部门同意").contains("请补充限额测算表").contains("合规通过")
                .contains("data-type=\"send-back\"").contains("何合规").contains("打回");
    }
}
