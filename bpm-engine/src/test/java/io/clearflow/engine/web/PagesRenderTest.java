package io.clearflow.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page renders for the user it is meant for, in Chinese by default and in English on request,
 * with no label missing from the bundles (Thymeleaf shows a missing key as ??key??).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagesRenderTest {

    @Autowired MockMvc mvc;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;

    record Page(String path, RequestPostProcessor who, String chinese, String english) { }

    @Test
    void everyPageRendersInBothLanguagesWithoutMissingLabels() throws Exception {
        var request = approvals.submit(directory.requireMember("zhangsan"), "测试申请", new BigDecimal("12.50"), "事由");
        String taskId = work.inbox(directory.requireMember("lisi"), 0, 100).stream()
                .filter(t -> t.caseId().equals(request.caseId())).findFirst().orElseThrow().id();
        var reviewed = approvals.submit(directory.requireMember("zhangsan"), "已审", BigDecimal.ONE, "事由");
        var lisiMember = directory.requireMember("lisi");
        approvals.decide(lisiMember, work.inbox(lisiMember, 0, 100).stream()
                .filter(t -> t.caseId().equals(reviewed.caseId())).findFirst().orElseThrow().id(), true, null);
        String complianceTask = work.inbox(directory.requireMember("hegui"), 0, 100).stream()
                .filter(t -> t.caseId().equals(reviewed.caseId())).findFirst().orElseThrow().id();
        var zhangsan = user("zhangsan").roles("BUSINESS");
        var lisi = user("lisi").roles("BUSINESS");
        var admin = user("admin").roles("ADMIN");
        List<Page> pages = List.of(
                new Page("/login", null, "登录", "Sign in"),
                new Page("/", zhangsan, "我的待办", "My tasks"),
                new Page("/approvals/new", zhangsan, "发起两级审批", "Start a two-step approval"),
                new Page("/cases/" + request.caseId(), zhangsan, "流转记录", "History"),
                new Page("/tasks/" + taskId, lisi, "审批意见", "Decision"),
                new Page("/tasks/" + complianceTask, user("hegui").roles("COMPLIANCE"), "打回到", "Send back to"),
                new Page("/cases/" + reviewed.caseId(), user("lisi").roles("BUSINESS"), "回收", "Withdraw"),
                new Page("/events", admin, "导出 XES", "Export XES"),
                new Page("/admin/users", admin, "新建用户", "New user"),
                new Page("/admin/users/zhangsan", admin, "重置密码", "Reset password"),
                new Page("/admin/units", admin, "新建部门或角色", "New department or role"),
                new Page("/admin/bots", admin, "新建机器人账号", "New bot account"));
        for (Page page : pages) {
            for (String lang : List.of("zh_CN", "en")) {
                var get = get(page.path()).param("lang", lang);
                if (page.who() != null) {
                    get = get.with(page.who());
                }
                String html = mvc.perform(get).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(html).as(page.path() + " in " + lang).doesNotContain("??")
                        .contains(lang.equals("en") ? page.english() : page.chinese());
            }
        }
    }

    @Test
    void chineseIsTheDefaultLanguage() throws Exception {
        String html = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("用户名").contains("lang=\"zh\"");
    }

    @Test
    void aTaskPageShowsTheRequestAndTheTimeline() throws Exception {
        var request = approvals.submit(directory.requireMember("zhangsan"), "<b>显示测试</b>", new BigDecimal("99.99"), "事由");
        String taskId = work.inbox(directory.requireMember("lisi"), 0, 100).stream()
                .filter(t -> t.caseId().equals(request.caseId())).findFirst().orElseThrow().id();
        String html = mvc.perform(get("/tasks/" + taskId).with(user("lisi").roles("BUSINESS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;b&gt;显示测试&lt;/b&gt;").contains("99.99").contains("登记托管部").contains("到达");
    }
}
