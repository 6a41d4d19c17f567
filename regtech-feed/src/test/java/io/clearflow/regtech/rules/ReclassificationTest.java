package io.clearflow.regtech.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.regtech.RegtechTestApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The administrator's dictionary editor (validation, roles, nothing stored on refusal) and a
 * background reclassification with progress that changes the stored items' topics.
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReclassificationTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ResultActions putRule(String u, String topic, String body) throws Exception {
        return mvc.perform(put("/api/regtech/dictionary/" + topic).with(httpBasic(u, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long total(String topic) throws Exception {
        return json.readTree(mvc.perform(get("/api/regtech/items").param("topic", topic).with(httpBasic("lisi", "demo")))
                .andReturn().getResponse().getContentAsString()).get("total").asLong();
    }

    int rules() {
        return jdbc.queryForObject("select count(*) from cf_reg_topic_rule", Integer.class);
    }

    @Test
    void editedRuleReclassifiesStoredItemsInTheBackground() throws Exception {
        mvc.perform(get("/api/regtech/dictionary").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.topic == 'cbdc-payments')].keywords[0]").exists());
        mvc.perform(get("/api/regtech/dictionary").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        putRule("zhangsan", "cbdc-payments", "{\"keywords\":[\"x\"]}").andExpect(status().isForbidden());
        putRule("admin", "cbdc-payments", "{\"keywords\":[]}").andExpect(status().isBadRequest());
        putRule("admin", "cbdc-payments", "{\"keywords\":[\" \"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.keywords").value("请填写 1 到 100 个关键词"));
        putRule("admin", "cbdc-payments", "{\"keywords\":[\"" + "k".repeat(81) + "\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.keywords").exists());
        putRule("admin", "cbdc-payments", "{\"keywords\":[\"ok\"],\"departments\":[\"x'; drop table cf_reg_item;--\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.departments").exists());
        putRule("admin", "astrology", "{\"keywords\":[\"stars\"]}").andExpect(status().isNotFound());
        putRule("admin", "cbdc-payments", "{\"keywords\":\"not a list\"}").andExpect(status().isBadRequest());
        assertThat(rules()).as("refusals store nothing").isZero();
        mvc.perform(post("/api/regtech/reclassify").with(httpBasic("hegui", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/regtech/reclassify").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2024-12-31\",\"to\":\"2024-01-01\"}")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/regtech/reclassify/nope").with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());

        long before = total("cbdc-payments");
        assertThat(before).as("the seeded history has payment items").isPositive();
        putRule("admin", "cbdc-payments", "{\"keywords\":[\"wholesale CBDC pilot zz\"],\"departments\":[\"dept-clearing\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.updatedBy").value("admin"));
        assertThat(total("cbdc-payments")).as("stored items change only on reclassification").isEqualTo(before);

        String job = json.readTree(mvc.perform(post("/api/regtech/reclassify").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"topic\":\"cbdc-payments\"}")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(job).equals("done"));
        JsonNode done = json.readTree(mvc.perform(get("/api/regtech/reclassify/" + job).with(httpBasic("admin", "demo")))
                .andReturn().getResponse().getContentAsString());
        assertThat(done.get("total").asLong()).isEqualTo(before);
        assertThat(done.get("done").asLong()).isEqualTo(before);
        assertThat(done.get("changed").asLong()).isEqualTo(before);
        assertThat(total("cbdc-payments")).isZero();

        for (String lang : new String[] {"zh", "en"}) {
            String page = mvc.perform(get("/regtech/dictionary").param("lang", lang).with(user("admin"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("reclassify-progress").contains("wholesale CBDC pilot zz").doesNotContain("??");
        }
        mvc.perform(get("/regtech/dictionary").with(user("zhangsan"))).andExpect(status().isForbidden());

        mvc.perform(delete("/api/regtech/dictionary/cbdc-payments").with(httpBasic("admin", "demo"))).andExpect(status().isNoContent());
        assertThat(rules()).isZero();
        mvc.perform(post("/regtech/reclassify").param("topic", "").with(user("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(mvc.perform(get("/api/regtech/dictionary")
                .with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString()) != null && total("cbdc-payments") > 0);
    }

    String state(String job) throws Exception {
        return json.readTree(mvc.perform(get("/api/regtech/reclassify/" + job).with(httpBasic("admin", "demo")))
                .andReturn().getResponse().getContentAsString()).get("state").asText();
    }
}
