package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.web.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The smaller findings of the walkthrough: a 已办 list, error pages inside the shell, one answer (404) for
 * another department's task and case, the feedback box after the decision, over-long text refused next to
 * its field with the text kept, and English names and list separators in English mode.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DoneTasksAndPagesTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired UserDetailsService users;
    @Autowired Labels labels;

    private Member m(String userId) {
        return directory.requireMember(userId);
    }

    private RequestPostProcessor as(String userId) {
        return user(users.loadUserByUsername(userId));
    }

    private String taskOf(String userId, String caseId) {
        return work.inbox(m(userId), 0, 200).stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow().id();
    }

    private String page(String path, String userId) throws Exception {
        return mvc.perform(get(path).with(as(userId))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theDoneListShowsEachFinishedStepWithCaseStepTimeAndDecisionAndPages() throws Exception {
        // a reviewer of their own, so what other tests of the shared context finished does not count here
        directory.createUser("done-reviewer", "已办审核人", null, "dept-registry",
                List.of(io.clearflow.engine.api.PlatformRole.BUSINESS.groupId()), "secret-password");
        String rejected = approvals.submit(m("zhangsan"), "驳回的申请", BigDecimal.ONE, "r").caseId();
        approvals.decide(m("done-reviewer"), taskOf("done-reviewer", rejected), false, "材料不全");
        String approved = approvals.submit(m("zhangsan"), "同意的申请", BigDecimal.ONE, "r").caseId();
        approvals.decide(m("done-reviewer"), taskOf("done-reviewer", approved), true, null);

        String html = mvc.perform(get("/tasks/done").with(as("done-reviewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已办任务").contains("href=\"/cases/" + rejected + "\"")
                .contains("href=\"/cases/" + approved + "\"").contains("data-decision=\"reject\"")
                .contains("data-decision=\"approve\"").contains("驳回").contains("部门审核").doesNotContain("??");
        // newest first, and the initiator (who finished nothing) has an empty list
        assertThat(html.indexOf(approved)).isLessThan(html.indexOf(rejected));
        directory.createUser("done-newcomer", "新同事", null, "dept-registry",
                List.of(io.clearflow.engine.api.PlatformRole.BUSINESS.groupId()), "secret-password");
        assertThat(page("/tasks/done", "done-newcomer")).contains("您还没有办结过任务");
        assertThat(page("/tasks/done?lang=en", "done-reviewer")).contains("Tasks I have done").contains("Rejected").doesNotContain("??");

        // REST, a page at a time
        mvc.perform(get("/api/tasks/done").param("size", "1").with(httpBasic("done-reviewer", "secret-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].caseId").value(approved))
                .andExpect(jsonPath("$.content[0].decision").value("approve"));
        mvc.perform(get("/api/tasks/done").param("size", "1").param("page", "1").with(httpBasic("done-reviewer", "secret-password")))
                .andExpect(jsonPath("$.content[0].caseId").value(rejected))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/tasks/done").param("size", "500").with(httpBasic("lisi", "demo"))).andExpect(status().isBadRequest());

        // more than a page: the pager appears and the second page holds the rest
        for (int i = 0; i < 20; i++) {
            String caseId = approvals.submit(m("zhangsan"), "批量" + i, BigDecimal.ONE, "r").caseId();
            approvals.decide(m("done-reviewer"), taskOf("done-reviewer", caseId), true, null);
        }
        assertThat(page("/tasks/done", "done-reviewer")).contains("id=\"done-next\"").doesNotContain("id=\"done-previous\"");
        assertThat(page("/tasks/done?page=1", "done-reviewer")).contains("id=\"done-previous\"").contains(rejected);
        // linked from the navigation bar for everyone
        assertThat(page("/", "zhangsan")).contains("href=\"/tasks/done\"");
        assertThat(page("/", "issuer01")).contains("href=\"/tasks/done\"");
    }

    @Test
    void anotherDepartmentsTaskAndCaseBothAnswer404InsideTheShell() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "别部门的", BigDecimal.ONE, "r").caseId();
        String taskId = taskOf("lisi", caseId);
        String taskPage = mvc.perform(get("/tasks/" + taskId).with(as("wangwu"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/cases/" + caseId).with(as("wangwu"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks/" + taskId).with(httpBasic("wangwu", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/processes/" + caseId).with(httpBasic("wangwu", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("wangwu", "demo"))).andExpect(status().isNotFound());
        // the error page keeps the navigation bar and the signed-in person, in their language
        assertThat(taskPage).contains("class=\"shell-nav\"").contains("id=\"current-user\"").contains("王五")
                .contains("您要找的内容不存在");
        String english = mvc.perform(get("/tasks/" + taskId).param("lang", "en").with(as("wangwu")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("class=\"shell-nav\"").contains("Clearing and Settlement").doesNotContain("??");
        // a refusal by role (a process the participant may not start) is a 403 page with the shell as well
        String forbidden = mvc.perform(get("/start/referenceApproval").with(as("issuer01")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(forbidden).contains("class=\"shell-nav\"").contains("id=\"current-user\"").contains("无权");
    }

    @Test
    void theFeedbackBoxComesAfterTheDecisionAndOverlongTextIsRefusedNextToItsFieldWithTheTextKept() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "长意见", BigDecimal.ONE, "r").caseId();
        String taskId = taskOf("lisi", caseId);
        String html = page("/tasks/" + taskId, "lisi");
        assertThat(html.indexOf("id=\"process-feedback\"")).isGreaterThan(html.indexOf("id=\"decision-form\""))
                .isPositive();
        // every text area with a limit is counted by the page's script, in the reader's language
        assertThat(html).contains("maxlength=\"2000\"").contains("/js/char-count.js")
                .contains("name=\"clearflow-char-count\" content=\"已输入 {0} 字，最多 {1} 字\"");

        String tooLong = "意".repeat(2001);
        MvcResult refused = mvc.perform(post("/tasks/" + taskId + "/decision").with(as("lisi")).with(csrf())
                        .param("approved", "false").param("comment", tooLong))
                .andExpect(status().is3xxRedirection()).andReturn();
        String back = mvc.perform(get("/tasks/" + taskId).with(as("lisi")).flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(back).contains("id=\"error-comment\"").contains("意见太长，最多 2000 字").contains(tooLong);
        assertThat(work.task(m("lisi"), taskId).id()).isEqualTo(taskId); // still open

        MvcResult reason = mvc.perform(post("/tasks/" + taskId + "/comments").with(as("lisi")).with(csrf())
                .param("message", tooLong)).andReturn();
        String again = mvc.perform(get("/tasks/" + taskId).param("lang", "en").with(as("lisi"))
                .flashAttrs(reason.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("id=\"error-commentMessage\"").contains(tooLong).doesNotContain("??");

        // the initiator's withdrawal with an over-long reason: refused next to the reason, the text kept
        MvcResult withdraw = mvc.perform(post("/cases/" + caseId + "/withdraw").with(as("zhangsan")).with(csrf())
                .param("reason", tooLong)).andReturn();
        String casePage = mvc.perform(get("/cases/" + caseId).with(as("zhangsan")).flashAttrs(withdraw.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("id=\"error-withdrawReason\"").contains("理由太长，最多 2000 字").contains(tooLong);
        assertThat(work.caseOf(m("zhangsan"), caseId).state()).isEqualTo("active");
    }

    @Test
    void englishModeNamesSeededProcessesAndDepartmentsInEnglishAndJoinsListsWithCommas() throws Exception {
        String zh = page("/?lang=zh_CN", "zhangsan");
        assertThat(zh).contains("两级审批（参考流程）").contains("登记托管部").doesNotContain("dept-operations");
        String en = page("/?lang=en", "zhangsan");
        assertThat(en).contains("Two-step approval (reference process)").contains("Owner: Operations Management")
                .contains("Registry and Custody").doesNotContain("运营管理部").doesNotContain("dept-");

        String admin = page("/admin/users?lang=en", "admin");
        assertThat(admin).contains("Registry and Custody").doesNotContain("、");
        // a deployed process documented "owner: dept-operations" reads with the department's name
        try {
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(labels.processDescription("someDeployedProcess", "用户流程。owner: dept-operations"))
                    .isEqualTo("用户流程。负责部门: 运营管理部");
            assertThat(labels.processDescription("someDeployedProcess", "负责部门：运营管理部（dept-operations）。"))
                    .isEqualTo("负责部门：运营管理部。");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(labels.join(List.of("a", "b", "c"))).isEqualTo("a, b, c");
            assertThat(labels.unit("dept-custom", "自建部门")).isEqualTo("自建部门");
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(labels.join(List.of("甲", "乙"))).isEqualTo("甲、乙");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
