package io.clearflow.engine.governance;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The declared rules' refusals through the application's own validator: the texts come from the
 * bundle with the recommendation filled in, the same in both languages, in the problem details and
 * in the scenario page's one-time message.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GovernanceRefusalTextsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void classificationRefusalsKeepTheirTexts() throws Exception {
        String body = mvc.perform(post("/api/governance/scenarios").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"拒绝文本","sourceType":"regulation","sourceReference":"规则第1条",
                                 "ownerDepartment":"dept-operations","businessCategory":"issuer",
                                 "characteristics":["few-steps","clear-steps","high-risk"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        for (String lang : new String[] {"zh", "en"}) {
            mvc.perform(post("/api/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .header("Accept-Language", lang).with(httpBasic("sunqi", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"self-service\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("overriding the recommended mode needs a reason"))
                    .andExpect(jsonPath("$.errors.reason").value("required when the mode differs from the recommendation (electronic)"));
            mvc.perform(post("/api/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .header("Accept-Language", lang).with(httpBasic("sunqi", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"teleport\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.mode").value("one of [electronic, self-service, intelligent]"));
        }
        mvc.perform(post("/governance/scenarios/" + id + "/classification").param("mode", "self-service")
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(flash().attribute("flashErrorText", "overriding the recommended mode needs a reason: "
                        + "reason — required when the mode differs from the recommendation (electronic)"));
    }
}
