package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.reference.electronic.PutbackService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hand-over list of a human step names the colleagues who may take it (its candidates and the
 * holder's department, by name and department), never a bot; with nobody eligible the page says so.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HandOverCandidatesTest {

    @Autowired MockMvc mvc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired PutbackService putbacks;
    @Autowired TaskForms taskForms;
    @Autowired ApprovalService approvals;
    @Autowired HandOverCandidates candidates;
    @Autowired UserDetailsService users;

    private Member m(String id) {
        return directory.requireMember(id);
    }

    private String task(String caseId, String who) {
        return work.inbox(m(who), 0, 200).stream().filter(t -> caseId.equals(t.caseId())).findFirst().orElseThrow().id();
    }

    private String page(String who, String taskId) throws Exception {
        return mvc.perform(get("/tasks/" + taskId).with(user(users.loadUserByUsername(who)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theProcessOwnersSignOffIsNeverOfferedToTheBot() throws Exception {
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
        String caseId = putbacks.submit(m("issuer01"), v).caseId();
        taskForms.complete(m("lisi"), task(caseId, "lisi"), Map.of("approved", "true", "comment", "同意"));
        taskForms.complete(m("wangwu"), task(caseId, "wangwu"), Map.of("approved", "true", "comment", "同意"));
        String signOff = task(caseId, "sunqi");
        work.claim(m("sunqi"), signOff);

        assertThat(candidates.of(m("sunqi"), signOff)).noneMatch(c -> c.userId().equals("rpa-bot"));
        String html = page("sunqi", signOff);
        assertThat(html).doesNotContain("value=\"rpa-bot\"").contains("id=\"hand-over-none\"");
    }

    @Test
    void aDepartmentReviewIsOfferedToTheColleaguesByName() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "变更", BigDecimal.ONE, "事由").caseId();
        String review = task(caseId, "lisi");
        work.claim(m("lisi"), review);
        List<String> ids = candidates.of(m("lisi"), review).stream().map(Member::userId).toList();
        assertThat(ids).contains("zhangsan").doesNotContain("lisi", "rpa-bot");
        assertThat(page("lisi", review)).contains("value=\"zhangsan\"").contains("张三 · 登记托管部");
    }

    @Test
    void anOverLongHandOverCommentIsRefusedInTheReadersLanguageWithTheTypedTextKept() throws Exception {
        String caseId = approvals.submit(m("zhangsan"), "变更", BigDecimal.ONE, "事由").caseId();
        String review = task(caseId, "lisi");
        work.claim(m("lisi"), review);
        String typed = "请张三代为审核：" + "长".repeat(2001);
        var lisi = user(users.loadUserByUsername("lisi"));
        var flash = mvc.perform(post("/tasks/" + review + "/hand-over").with(lisi).with(csrf())
                        .param("userId", "zhangsan").param("mode", "transfer").param("comment", typed))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        // nothing moved: lisi still holds the step
        assertThat(work.task(m("lisi"), review).assignee()).isEqualTo("lisi");

        String html = mvc.perform(get("/tasks/" + review).with(lisi).flashAttrs(flash))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = html.substring(html.indexOf("id=\"hand-over-form\""), html.indexOf("id=\"hand-over-submit\""));
        assertThat(form).containsPattern("id=\"handOverComment\"[^>]*>" + java.util.regex.Pattern.quote(typed) + "</textarea>");
        assertThat(form).containsPattern("id=\"error-handOverComment\">意见太长，最多 2000 字。</p>");
        assertThat(form).containsPattern("value=\"zhangsan\"\\s+selected");
        assertThat(form).containsPattern("id=\"handOverTransfer\"\\s+checked");
        // the other comment boxes of the page stay empty and without an error
        assertThat(html).doesNotContain("id=\"error-comment\"").doesNotContain("id=\"error-completeComment\"");
    }
}
