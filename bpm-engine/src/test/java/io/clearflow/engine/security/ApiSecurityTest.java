package io.clearflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Authentication and authorisation at the edges. Inputs tried: an unknown user, a wrong password,
 * a user without the role (403), a session request without its CSRF token, API tokens that are
 * valid, revoked and made up, and a bot's password sign-in attempt.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@ActiveProfiles("test")
class ApiSecurityTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswerWithoutDetail() throws Exception {
        String unknown = mvc.perform(get("/api/me").with(httpBasic("nobody", "demo")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        String wrongPassword = mvc.perform(get("/api/me").with(httpBasic("zhangsan", "wrong")))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).isEqualTo(wrongPassword).doesNotContain("nobody").doesNotContain("zhangsan");
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void formLoginFailsAlikeForUnknownUserAndWrongPassword() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "demo"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", "zhangsan").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", "zhangsan").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void pagesNeedSignInAndAdminPagesNeedTheAdminRole() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/admin/users").with(user("zhangsan").roles("BUSINESS"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void adminApiRefusesOtherRolesWithProblemDetails() throws Exception {
        mvc.perform(get("/api/admin/users").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/admin/users").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.userId == 'zhangsan')].department").value("dept-registry"));
        // refusals of the administration API in the caller's language, with the value filled in
        for (String[] lang : new String[][] {{"zh_CN", "用户“zhangsan”已存在", "部分字段无效"},
                {"en", "user 'zhangsan' already exists", "some fields are invalid"}}) {
            mvc.perform(post("/api/admin/users").param("lang", lang[0]).header("Accept-Language", lang[0]).with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"userId":"zhangsan","displayName":"again","department":"dept-registry",
                                     "roles":[],"password":"longenough1"}"""))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(lang[1]));
            mvc.perform(post("/api/admin/bots/rpa-bot/tokens").param("lang", lang[0]).header("Accept-Language", lang[0])
                            .with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(lang[2]))
                    .andExpect(jsonPath("$.errors.name").isNotEmpty());
        }
    }

    @Test
    void sessionRequestsNeedCsrfButCredentialRequestsDoNot() throws Exception {
        String body = "{\"title\":\"t\",\"amount\":1,\"reason\":\"r\"}";
        mvc.perform(post("/api/approvals").with(user("zhangsan").roles("BUSINESS"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/approvals").with(user("zhangsan").roles("BUSINESS")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/approvals").with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        // pages: a form post without the token is refused
        mvc.perform(post("/approvals").with(user("zhangsan").roles("BUSINESS"))
                .param("title", "t").param("amount", "1").param("reason", "r")).andExpect(status().isForbidden());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String stored = jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = 'zhangsan'", String.class);
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("demo");
    }

    @Test
    void botsSignInWithTokensOnlyAndRevokedOrMadeUpTokensAreRefused() throws Exception {
        String issued = mvc.perform(post("/api/admin/bots/rpa-bot/tokens").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"test runner\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        var node = json.readTree(issued);
        String token = node.get("token").asText();
        long id = node.get("info").get("id").asLong();
        assertThat(token).startsWith("cf_");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_api_token WHERE token_hash = ?", Integer.class,
                ApiTokenService.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT token_hash FROM cf_api_token", String.class)).doesNotContain(token);

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("rpa-bot"))
                .andExpect(jsonPath("$.roles[0]").value("role-bot"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer cf_madeUpToken"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("rpa-bot", "demo"))).andExpect(status().isUnauthorized());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/admin/bots/rpa-bot/tokens/" + id).with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void prometheusNeedsOpsOrAdminButHealthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }
}
