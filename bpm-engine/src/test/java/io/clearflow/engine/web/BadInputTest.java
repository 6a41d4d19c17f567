package io.clearflow.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bad input gets a clear problem-details answer and changes nothing. Inputs tried: malformed JSON,
 * a 2 MB body, a string where a number belongs, missing fields, over-long fields, SQL-injection
 * text in a filter, unknown task/case/user ids, an XSS string in a display name, an out-of-range
 * page size, a variable of a forbidden type.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private int approvals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_approval_request", Integer.class);
    }

    @Test
    void malformedJsonIsA400ProblemAndNothingIsStored() throws Exception {
        int before = approvals();
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(approvals()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndMissingOrOverlongFieldsAreNamed() throws Exception {
        int before = approvals();
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"amount\":\"abc\",\"reason\":\"r\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists())
                .andExpect(jsonPath("$.errors.reason").exists());
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + "长".repeat(201) + "\",\"amount\":-1,\"reason\":\"r\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists());
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"amount\":-5,\"reason\":\"r\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.amount").exists());
        assertThat(approvals()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeBeingRead() throws Exception {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"amount\":1,\"reason\":\"r\"}";
        int before = approvals();
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413));
        assertThat(approvals()).isEqualTo(before);
    }

    @Test
    void unknownIdsAre404Problems() throws Exception {
        mvc.perform(get("/api/tasks/no-such-task").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("open task 'no-such-task' not found"));
        mvc.perform(get("/api/processes/no-such-case").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/users/no-such-user").with(httpBasic("admin", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/tasks/no-such-task/complete").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/no-such-task").with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isNotFound());
    }

    @Test
    void injectionTextInFiltersIsJustAValue() throws Exception {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log", Long.class);
        mvc.perform(get("/api/events").with(httpBasic("admin", "demo")).param("caseId", "' OR '1'='1")
                        .param("processKey", "x'; DROP TABLE cf_event_log; --"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log", Long.class)).isEqualTo(events);
    }

    @Test
    void pageSizeOutOfRangeAndForbiddenVariableTypesAreRefused() throws Exception {
        mvc.perform(get("/api/events").with(httpBasic("admin", "demo")).param("size", "100000"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/tasks").with(httpBasic("admin", "demo")).param("size", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/processes").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processKey\":\"referenceApproval\",\"variables\":{\"blob\":{\"nested\":true}}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/processes").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processKey\":\"noSuchProcess\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/processes").with(httpBasic("hegui", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"processKey\":\"referenceApproval\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void xssInNamesIsEscapedOnPages() throws Exception {
        String evil = "<script>alert('x')</script>";
        mvc.perform(post("/api/admin/users").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"xss.user\",\"displayName\":\"" + evil.replace("'", "\\u0027")
                                + "\",\"department\":\"dept-it\",\"roles\":[\"role-business\"],\"password\":\"longenough1\"}"))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/admin/users").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(evil).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void adminFormErrorsComeBackOnThePageAndCreateNothing() throws Exception {
        int users = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER", Integer.class);
        String page = mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("userId", "bad id!").param("displayName", "x").param("department", "dept-it")
                        .param("password", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("标识须为 2 到 64 个字母");
        String english = mvc.perform(post("/admin/users").param("lang", "en").header("Accept-Language", "en")
                        .with(user("admin").roles("ADMIN")).with(csrf())
                        .param("userId", "bad id!").param("displayName", "x").param("department", "dept-it")
                        .param("password", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("ids are 2-64 letters");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER", Integer.class)).isEqualTo(users);
    }
}
