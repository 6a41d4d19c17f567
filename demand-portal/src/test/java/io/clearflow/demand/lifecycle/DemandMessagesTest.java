package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A refused demand action reads as a sentence in the reader's language on the demand page (no
 * {@code {field=rule}} map, no English), the REST problem details say the same, and the automatic
 * history notes carry no English figures.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandMessagesTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired UserDetailsService users;

    private RequestPostProcessor as(String userId) {
        return user(users.loadUserByUsername(userId));
    }

    /** Posts a page action and renders the page it redirects to with its one-time message. */
    private String actAndFollow(MockHttpServletRequestBuilder action, String userId, String lang) throws Exception {
        var result = mvc.perform(action.with(as(userId)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).param("lang", lang).with(as(userId))
                        .flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void refusalsReadAsSentencesInTheReadersLanguage() throws Exception {
        String body = mvc.perform(post("/api/demands").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(DemandLifecycleTest.DEMAND.formatted(false, "null")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        String page = actAndFollow(post("/demand/" + id + "/triage").param("accepted", "false"), "zhouba", "zh_CN");
        assertThat(page).contains("请填写理由").doesNotContain("reason=").doesNotContain("incomplete").doesNotContain("??");

        mvc.perform(post("/api/demands/" + id + "/triage").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"受理\"}"))
                .andExpect(status().isOk());
        page = actAndFollow(post("/demand/" + id + "/evaluation").param("valueScore", "0").param("estimateDays", "5")
                .param("priority", "P2").param("targetVersion", "v 2"), "zhouba", "zh_CN");
        assertThat(page).contains("请给出 1 到 10 的价值评分").contains("请填写目标版本").doesNotContain("valueScore=")
                .doesNotContain("letters, digits").doesNotContain("??");
        page = actAndFollow(post("/demand/" + id + "/evaluation").param("valueScore", "11").param("estimateDays", "5")
                .param("priority", "P2").param("targetVersion", "v2.3"), "zhouba", "en");
        assertThat(page).contains("Give a value score from 1 to 10").doesNotContain("??");

        mvc.perform(post("/api/demands/" + id + "/evaluation").with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"valueScore\":8,\"estimateDays\":5,\"priority\":\"P2\",\"targetVersion\":\"v2.3\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/demands/" + id + "/split").with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tasks\":[{\"title\":\"后端\",\"estimateDays\":3},{\"title\":\"页面\",\"estimateDays\":2}]}"))
                .andExpect(status().isOk());
        page = actAndFollow(post("/demand/" + id + "/delivery"), "zhouba", "zh_CN");
        assertThat(page).contains("还有 2 个开发任务未完成").doesNotContain("not done yet")
                .doesNotContain("person-days").doesNotContain("2 tasks").doesNotContain("??");
        mvc.perform(post("/api/demands/" + id + "/delivery").with(httpBasic("zhouba", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("还有 2 个开发任务未完成，全部完成后才能提交验收。"));
    }
}
