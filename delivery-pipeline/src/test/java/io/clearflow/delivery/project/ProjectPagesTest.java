package io.clearflow.delivery.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The project pages: the create form keeps the input and shows each error in the user's language, the list filters,
 * the project page's milestone forms only for whoever holds the milestone, refusals for external participants.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProjectPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void createFormListAndProjectPage() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM del_project", Long.class);
        // refused: blank systems and unknown department; the typed name comes back escaped, errors by their field
        String refused = mvc.perform(post("/delivery/projects").param("name", "<b>结算</b>").param("department", "dept-nowhere")
                .with(user(users.loadUserByUsername("zhouba"))).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"error-systems\"", "请至少选择一个系统", "value=\"&lt;b&gt;结算&lt;/b&gt;\"")
                .doesNotContain("??", "<b>结算</b>");
        String unknownDepartment = mvc.perform(post("/delivery/projects").param("name", "结算").param("department", "dept-nowhere")
                .param("systems", "clearing").with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknownDepartment).contains("id=\"error-department\"", "部门不存在");
        // the same in English
        String english = mvc.perform(post("/delivery/projects").param("name", "").param("department", "dept-clearing")
                .param("systems", "clearing").cookie(new Cookie("CLEARFLOW_LANG", "en"))
                .with(user(users.loadUserByUsername("zhouba"))).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("id=\"error-name\"", "Required", "New project").doesNotContain("??", "新建项目");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project", Long.class)).isEqualTo(before);

        String location = mvc.perform(post("/delivery/projects").param("name", "清算对账改造").param("department", "dept-clearing")
                        .param("systems", "clearing").with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the list filters by stage and department
        assertThat(page("/delivery/projects?stage=initiation&department=dept-clearing", "wangwu"))
                .contains("data-project=\"" + id + "\"", "清算对账改造", "清算交收部");
        assertThat(page("/delivery/projects?stage=closed", "wangwu")).doesNotContain("data-project=\"" + id + "\"");

        // the IT manager holds the evaluation; QC sees the page without the milestone form
        assertThat(page("/delivery/projects/" + id, "zhouba")).contains("id=\"project-advance-form\"",
                "id=\"project-evaluation-form\"", "data-stage=\"initiation\"", "周八").doesNotContain("??");
        assertThat(page("/delivery/projects/" + id, "chenqc")).doesNotContain("id=\"project-advance-form\"",
                "id=\"project-evaluation-form\"");
        // completing without an evaluation is refused with the reason on the page
        String flash = mvc.perform(post("/delivery/projects/" + id + "/advance").with(user(users.loadUserByUsername("zhouba")))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flashError").toString();
        assertThat(flash).isEqualTo("delivery.project.error.noEvaluation");
        mvc.perform(post("/delivery/projects/" + id + "/evaluation").param("businessValue", "对账提速").param("estimatedCost", "abc")
                .param("budget", "10").param("expectedBenefit", "20").with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project_evaluation WHERE project_id = ?", Long.class, id)).isZero();
        mvc.perform(post("/delivery/projects/" + id + "/evaluation").param("businessValue", "对账提速").param("estimatedCost", "5")
                .param("budget", "10").param("expectedBenefit", "20").with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/delivery/projects/" + id, "zhouba")).contains("id=\"project-evaluation\"", "对账提速");

        // the task page of the milestone links here; participants are refused the pages
        mvc.perform(get("/delivery/projects/" + id).with(user(users.loadUserByUsername("issuer01")))).andExpect(status().isForbidden());
        mvc.perform(get("/delivery/projects").with(user(users.loadUserByUsername("issuer01")))).andExpect(status().isForbidden());
        mvc.perform(post("/delivery/projects").param("name", "x").param("department", "dept-clearing").param("systems", "clearing")
                .with(user(users.loadUserByUsername("wujiu"))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/delivery/projects/99999999").with(user(users.loadUserByUsername("zhouba")))).andExpect(status().isNotFound());
    }

    /**
     * Reads by role and department: zhangsan (registry business staff) finds his department's project in the list and
     * on its page, with its budget; another department's project is neither listed nor shown (404, as an unknown id);
     * a developer sees both.
     */
    @Test
    void businessStaffSeeTheirDepartmentsProjectsOnly() throws Exception {
        long registry = created("登记页面可见", "dept-registry", "registry");
        long account = created("账户页面不可见", "dept-account", "registry");
        mvc.perform(post("/delivery/projects/" + registry + "/evaluation").param("businessValue", "登记提速")
                .param("estimatedCost", "5").param("budget", "12345").param("expectedBenefit", "20")
                .with(user(users.loadUserByUsername("zhouba"))).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(page("/delivery/projects", "zhangsan")).contains("data-project=\"" + registry + "\"")
                .doesNotContain("data-project=\"" + account + "\"", "账户页面不可见");
        assertThat(page("/delivery/projects?department=dept-account", "zhangsan"))
                .doesNotContain("data-project=\"" + account + "\"");
        assertThat(page("/delivery/projects/" + registry, "zhangsan")).contains("登记页面可见", "id=\"project-budget\">12345");
        String refused = mvc.perform(get("/delivery/projects/" + account).with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain("账户页面不可见");

        assertThat(page("/delivery/projects", "wujiu")).contains("data-project=\"" + registry + "\"",
                "data-project=\"" + account + "\"");
        assertThat(page("/delivery/projects/" + account, "wujiu")).contains("账户页面不可见");

        // the operations process owner sees the account project while its 立项 is in his inbox; once he sent it back
        // he has no part in it, and the page takes him back to the list rather than to a 404
        asManager(account, "evaluation", "businessValue", "开户提速", "estimatedCost", "1", "budget", "2", "expectedBenefit", "3");
        asManager(account, "decisions", "decision", "沿用现有架构", "reason", "够用");
        asManager(account, "advance");
        assertThat(page("/delivery/projects/" + account, "sunqi")).contains("id=\"project-advance-form\"");
        assertThat(page("/delivery/projects", "sunqi")).contains("data-project=\"" + account + "\"");
        mvc.perform(post("/delivery/projects/" + account + "/send-back").param("reason", "收益不明")
                        .with(user(users.loadUserByUsername("sunqi"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/delivery/projects"));
        mvc.perform(get("/delivery/projects/" + account).with(user(users.loadUserByUsername("sunqi"))))
                .andExpect(status().isNotFound());
        assertThat(page("/delivery/projects", "sunqi")).doesNotContain("data-project=\"" + account + "\"");
    }

    private void asManager(long id, String action, String... params) throws Exception {
        var request = post("/delivery/projects/" + id + "/" + action);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String flash = String.valueOf(mvc.perform(request.with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flashError"));
        assertThat(flash).isEqualTo("null");
    }

    private long created(String name, String department, String system) throws Exception {
        String location = mvc.perform(post("/delivery/projects").param("name", name).param("department", department)
                        .param("systems", system).with(user(users.loadUserByUsername("zhouba"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(user)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
