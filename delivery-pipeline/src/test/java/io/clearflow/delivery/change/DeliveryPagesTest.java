package io.clearflow.delivery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The 提测单 and 变更单 pages in both languages: forms keep the input and show each error under its field, a
 * refused entry gate shows its rules, the change page offers the decision to an approver and explains separation
 * of duties to the submitter, emergency changes are red, and an approval step's task page links to the change.
 */
class DeliveryPagesTest extends DeliveryFlowSupport {

    @Autowired UserDetailsService users;

    /** Signed in as the demo user with their real roles (pages use the form login, not HTTP Basic). */
    RequestPostProcessor as(String user) {
        return user(users.loadUserByUsername(user));
    }

    String page(String user, String path, String lang) throws Exception {
        String html = mvc.perform(get(path).param("lang", lang).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("??");
        return html;
    }

    MockHttpServletRequestBuilder form(String user, String path) {
        return post(path).with(as(user)).with(csrf());
    }

    @Test
    void submissionFormKeepsInputShowsErrorsAndARefusedGate() throws Exception {
        for (String lang : new String[] {"zh_CN", "en"}) {
            page("wujiu", "/delivery/test-submissions", lang);
            page("zhouba", "/delivery/changes", lang);
            page("linops", "/delivery/changes/new", lang);
        }
        String html = mvc.perform(form("wujiu", "/delivery/test-submissions").param("versionId", "abc<script>")
                        .param("artifactId", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"error-versionId\"", "id=\"error-artifactId\"", "请输入正整数编号")
                .doesNotContain("abc<script>");

        Setup s = version(false);
        // the version page links each artifact to the form, which offers the version's artifacts to pick from
        String versionPage = page("wujiu", "/delivery/versions/" + s.versionId(), "zh_CN");
        String link = "/delivery/test-submissions?versionId=" + s.versionId() + "&amp;artifactId=" + s.artifactId();
        assertThat(versionPage).contains(link);
        String sha = jdbc.queryForObject("SELECT sha256 FROM del_artifact WHERE id = ?", String.class, s.artifactId());
        String picker = page("wujiu", link.replace("&amp;", "&"), "zh_CN");
        assertThat(picker).contains("id=\"artifactId\"", "value=\"" + s.artifactId() + "\" selected=\"selected\"",
                "app.jar · " + sha.substring(0, 12) + " · 已构建", "clearflow " + s.label()).doesNotContain(sha);
        assertThat(page("wujiu", "/delivery/test-submissions", "en")).contains("Choose a version first")
                .doesNotContain("id=\"artifactId\"");
        upload(s, "TEST-order.xml", FAILING_JUNIT);
        String refused = mvc.perform(form("wujiu", "/delivery/test-submissions").param("lang", "en")
                        .param("versionId", String.valueOf(s.versionId())).param("artifactId", String.valueOf(s.artifactId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"entry-refused\"", "PASS_RATE = 100", "50", "Failed").doesNotContain("??");
        mvc.perform(get("/delivery/changes/new").with(as("zhengshi"))).andExpect(status().isForbidden());
    }

    @Test
    void qcReviewsAPassedExitOnTheSubmissionPage() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);
        long id = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated())).get("id").asLong();
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/accept", "").andExpect(status().isOk());
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/complete", "{\"passed\":true}").andExpect(status().isOk());
        String path = "/delivery/test-submissions/" + id;
        assertThat(page("chenqc", path, "zh_CN")).contains("id=\"qc-review-form\"", "待质量审核", "审核通过")
                .doesNotContain("id=\"raise-change\"");
        assertThat(page("chenqc", path, "en")).contains("Awaiting QC review", "Send back to the tester");
        assertThat(page("zhengshi", path, "zh_CN")).doesNotContain("id=\"qc-review-form\"");
        mvc.perform(form("chenqc", path + "/qc-review").param("approved", "false"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashErrors"));
        mvc.perform(form("chenqc", path + "/qc-review").param("approved", "true").param("reason", "合格"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("wujiu", path, "zh_CN")).contains("质量审核通过", "id=\"qc-reviewer\"", "id=\"raise-change\"");
    }

    @Test
    void changeFormAndPagesWithApprovalSeparationOfDutiesAndEmergencyInRed() throws Exception {
        Setup s = version(false);
        long submission = passedSubmission(s);
        String refused = mvc.perform(form("wujiu", "/delivery/changes").param("testSubmissionId", String.valueOf(submission))
                        .param("risk", "extreme").param("window", "").param("rollbackPlan", "")
                        .param("deploymentSteps", "步骤一").param("affectedSystems", "clearing, <b>x</b>")
                        .param("firstCommitAt", "yesterday"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"error-risk\"", "id=\"error-window\"", "id=\"error-rollbackPlan\"",
                "id=\"error-affectedSystems\"", "id=\"error-firstCommitAt\"", "步骤一", "clearing, &lt;b&gt;x&lt;/b&gt;",
                "风险等级须为 low、medium 或 high", "ISO-8601");

        String location = mvc.perform(form("wujiu", "/delivery/changes").param("testSubmissionId", String.valueOf(submission))
                        .param("risk", "high").param("window", "今晚 22:00").param("rollbackPlan", "回退到上一制品")
                        .param("emergency", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the version page lists its submissions and changes, the emergency one in red
        String key = jdbc.queryForObject("SELECT change_key FROM del_change WHERE id = ?", String.class, id);
        assertThat(page("zhouba", "/delivery/versions/" + s.versionId(), "en")).contains("id=\"version-flows\"",
                "TS-" + submission, key, "danger alarming", "Being approved", "Approved by QC");
        assertThat(page("wujiu", location, "zh_CN")).contains("id=\"why-not\"", "职责分离：变更单提交人不能审批自己的变更")
                .doesNotContain("id=\"decision-form\"");
        assertThat(page("chenqc", location, "en")).contains("No step of this change is waiting for you");
        assertThat(page("linops", location, "en")).contains("id=\"decision-form\"", "id=\"emergency-banner\"");
        assertThat(page("zhouba", "/delivery/changes", "zh_CN")).containsPattern(
                "class=\"change-row danger alarming\" data-change=\"" + id + "\"");

        // the approval step in linops' inbox links to the change page
        var step = work.inbox(directory.requireMember("linops"), 0, 200).stream()
                .filter(t -> t.processKey().equals(ChangeService.PROCESS_KEY) && t.caseId() != null)
                .filter(t -> t.businessKey().endsWith(String.format("%06d", id))).findFirst().orElseThrow();
        assertThat(page("linops", "/tasks/" + step.id(), "zh_CN")).contains("href=\"/delivery/changes/" + id + "\"",
                "打开变更单审批");

        mvc.perform(form("wujiu", "/delivery/changes/" + id + "/approve"))
                .andExpect(redirectedUrl("/delivery/changes/" + id))
                .andExpect(flash().attribute("flashError", "delivery.change.sod.submitter"));
        mvc.perform(form("linops", "/delivery/changes/" + id + "/approve").param("comment", "紧急修复"))
                .andExpect(redirectedUrl("/delivery/changes/" + id))
                .andExpect(flash().attribute("flash", "delivery.change.approved"));
        String after = page("linops", location, "zh_CN");
        assertThat(after).contains("紧急修复", "已批准", "id=\"deploy\"", "紧急变更：事后审批尚未完成");
        mvc.perform(form("linops", "/delivery/changes/" + id + "/deploy")).andExpect(flash().attribute("flash", "delivery.change.deploying"));
        awaitState(id, "DEPLOYED"); // the embedded runner works on its own thread
        assertThat(page("zhouba", location, "en")).contains("Deployed, to verify", "id=\"deployment-id\"",
                "Emergency change: approvals afterwards still missing");
    }
}
