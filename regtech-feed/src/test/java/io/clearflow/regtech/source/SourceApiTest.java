package io.clearflow.regtech.source;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.regtech.RegtechTestApplication;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Source administration over REST. Bad input tried: missing name/url, non-http schemes, relative
 * URLs, unknown kind, html without item selector, broken CSS selector, bad zone, bad date pattern,
 * out-of-range schedule, unknown encoding, JSON without a pointer; a business user and compliance
 * changing sources (403), an unknown source (404).
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SourceApiTest {

    @Autowired MockMvc mvc;

    ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anAdministratorAddsAnHtmlSourceAndEditsIt() throws Exception {
        String body = """
                {"name":"深交所 本所要闻","url":"https://www.szse.cn/aboutus/trends/news/","kind":"html","jurisdiction":"cn",
                 "organisation":"SZSE","itemSelector":"ul.newslist li","titleSelector":"a","linkSelector":"a",
                 "dateSelector":"span.time","datePattern":"yyyy-MM-dd"}""";
        String id = postJson("admin", "/api/regtech/sources", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber()).andReturn().getResponse().getContentAsString().replaceAll("\\D", "");
        mvc.perform(get("/api/regtech/sources/" + id).with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("html")).andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.jurisdiction").value("CN")).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(put("/api/regtech/sources/" + id).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("本所要闻", "要闻"))).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("深交所 要闻"));
        postJson("admin", "/api/regtech/sources/" + id + "/enabled", "{\"enabled\":true}").andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(get("/api/regtech/sources").with(httpBasic("zhangsan", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='csrc')].enabled").value(Matchers.contains(false)));
    }

    @Test
    void theSourceFormSaysWhatIsWrongInTheReadersLanguageAndAddsNothing() throws Exception {
        int before = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mvc.perform(get("/api/regtech/sources")
                .with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString()).size();
        mvc.perform(post("/regtech/sources").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "坏地址").param("url", "ftp://example.org/feed").param("kind", "html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flashErrors",
                        Matchers.containsInAnyOrder("regtech.error.url", "regtech.error.itemSelector")));
        mvc.perform(get("/api/regtech/sources").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.length()").value(before));
    }

    @Test
    void onlyAdministratorsChangeSources() throws Exception {
        String body = "{\"name\":\"x\",\"url\":\"https://example.org/rss\",\"kind\":\"feed\"}";
        postJson("zhangsan", "/api/regtech/sources", body).andExpect(status().isForbidden());
        postJson("hegui", "/api/regtech/sources", body).andExpect(status().isForbidden());
        postJson("zhangsan", "/api/regtech/sources/1/enabled", "{\"enabled\":true}").andExpect(status().isForbidden());
        mvc.perform(get("/api/regtech/sources")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/regtech/sources/999999").with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        postJson("admin", "/api/regtech/sources", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists()).andExpect(jsonPath("$.errors.url").exists());
        for (String url : new String[] {"file:///etc/passwd", "ftp://x.org/rss", "/relative/rss", "javascript:alert(1)", "http://"}) {
            postJson("admin", "/api/regtech/sources", "{\"name\":\"x\",\"url\":\"" + url + "\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.url").exists());
        }
        postJson("admin", "/api/regtech/sources", """
                {"name":"x","url":"https://x.org/","kind":"pdf","zone":"Mars/Base","datePattern":"yyyy-MM-dd{{","pollMinutes":1,
                 "encoding":"klingon-8"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.zone").exists()).andExpect(jsonPath("$.errors.datePattern").exists())
                .andExpect(jsonPath("$.errors.pollMinutes").exists()).andExpect(jsonPath("$.errors.encoding").exists());
        postJson("admin", "/api/regtech/sources", "{\"name\":\"x\",\"url\":\"https://x.org/\",\"kind\":\"html\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.itemSelector").exists());
        postJson("admin", "/api/regtech/sources", "{\"name\":\"x\",\"url\":\"https://x.org/\",\"kind\":\"html\",\"itemSelector\":\"ul >> [\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.itemSelector").value("不是有效的 CSS 选择器"));
        postJson("admin", "/api/regtech/sources", "{\"name\":\"x\",\"url\":\"https://x.org/\",\"kind\":\"json\",\"itemSelector\":\"data\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.itemSelector").exists());
        postJson("admin", "/api/regtech/sources", "not json").andExpect(status().isBadRequest());
    }
}
