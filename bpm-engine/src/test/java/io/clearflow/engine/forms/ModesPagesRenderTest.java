package io.clearflow.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.electronic.PutbackService;
import io.clearflow.engine.reference.selfservice.DeclarationService;
import io.clearflow.engine.work.WorkService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The mode pages render in Chinese and English without a missing label, forms are rendered from
 * their definitions, and a refused task form comes back with its field errors.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ModesPagesRenderTest {

    @Autowired MockMvc mvc;
    @Autowired PutbackService putbacks;
    @Autowired DeclarationService declarations;
    @Autowired WorkService work;
    @Autowired TaskForms taskForms;
    @Autowired OrgDirectory directory;

    record Page(String path, RequestPostProcessor who, String chinese, String english) { }

    private String putbackCase() {
        LocalDate start = LocalDate.now().plusDays(10);
        Map<String, Object> v = new HashMap<>(Map.of("issuerName", "发行人", "securityCode", "110059", "securityName", "浦发转债",
                "putbackPrice", "100", "registrationStart", start.toString(), "registrationEnd", start.plusDays(4).toString(),
                "paymentDate", start.plusDays(9).toString(), "contactName", "王", "contactPhone", "13800138000"));
        return putbacks.submit(directory.requireMember("issuer01"), v).caseId();
    }

    private String declarationCase() {
        return declarations.submit(directory.requireMember("issuer01"), Map.of("kind", "PUTBACK", "securityCode", "999999",
                "quantity", "100", "amount", "1", "declareDate", LocalDate.now().toString(), "contactName", "李",
                "contactPhone", "13800138000")).caseId();
    }

    private String task(String caseId, String who) {
        return work.inbox(directory.requireMember(who), 0, 200).stream().filter(t -> caseId.equals(t.caseId()))
                .findFirst().orElseThrow().id();
    }

    @Test
    void everyModePageRendersInBothLanguages() throws Exception {
        String putback = putbackCase();
        String declaration = declarationCase();
        var issuer = user("issuer01").roles("PARTICIPANT");
        var lisi = user("lisi").roles("BUSINESS");
        List<Page> pages = List.of(
                new Page("/putback/new", issuer, "发行人名称", "Issuer"),
                new Page("/cases/" + putback, issuer, "回售登记信息", "Put-back registration"),
                new Page("/tasks/" + task(putback, "lisi"), lisi, "审核结论", "Decision"),
                new Page("/selfservice", issuer, "我的申报", "My declarations"),
                new Page("/selfservice/new", issuer, "可申报证券", "Securities open for declarations"),
                new Page("/cases/" + declaration, issuer, "转人工审核原因", "Why it is reviewed"),
                new Page("/tasks/" + task(declaration, "lisi"), lisi, "证券不在可申报列表中", "not open for declarations"));
        // 清算交收部 cannot start a registration: refused on opening the form, not after filling it
        mvc.perform(get("/putback/new").with(user("wangwu").roles("BUSINESS"))).andExpect(status().isForbidden());
        for (Page page : pages) {
            for (String lang : List.of("zh_CN", "en")) {
                String html = mvc.perform(get(page.path()).param("lang", lang).with(page.who())).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(html).as(page.path() + " in " + lang).doesNotContain("??")
                        .contains(lang.equals("en") ? page.english() : page.chinese());
            }
        }
    }

    @Test
    void theSignOffPageRendersForTheProcessOwnerWhoReadsTheWholeTimeline() throws Exception {
        // the sign-off inbox is a role, not a department: its schedule event has no department
        String caseId = putbackCase();
        for (String reviewer : List.of("lisi", "wangwu")) {
            taskForms.complete(directory.requireMember(reviewer), task(caseId, reviewer),
                    Map.of("approved", "true", "comment", "同意"));
        }
        String html = mvc.perform(get("/tasks/" + task(caseId, "sunqi")).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("负责人签发").contains("id=\"task-form\"").contains("id=\"timeline\"");
    }

    @Test
    void aRefusedTaskFormComesBackWithItsErrorsAndAGoodOneCompletesTheTask() throws Exception {
        String caseId = putbackCase();
        String taskId = task(caseId, "lisi");
        var lisi = user("lisi").roles("BUSINESS");
        mvc.perform(post("/tasks/" + taskId + "/form").param("approved", "true").with(lisi).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + taskId))
                .andExpect(flash().attribute("formErrors", Map.of("comment", "必填")));
        assertThat(task(caseId, "lisi")).isEqualTo(taskId);
        mvc.perform(post("/tasks/" + taskId + "/form").param("approved", "true").param("comment", "同意").with(lisi).with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(task(caseId, "wangwu")).isNotNull();
    }

    @Test
    void aRefusedStartFormIsShownAgainWithFieldErrorsAndItsValues() throws Exception {
        String html = mvc.perform(post("/selfservice/declarations").param("securityCode", "12a456").param("quantity", "150")
                        .with(user("issuer01").roles("PARTICIPANT")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("证券代码为 6 位数字").contains("须为 100 的整数倍").contains("value=\"12a456\"")
                .contains("id=\"server-errors\"");
    }
}
