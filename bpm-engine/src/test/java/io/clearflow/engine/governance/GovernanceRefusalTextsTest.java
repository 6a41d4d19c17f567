package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalog's refusals through the application's own validator and message source: the texts come
 * from the bundle in the reader's language (Chinese by default, English on request) with the
 * recommendation filled in, in the problem details and in the scenario page's one-time message, and
 * never as a raw key or {@code ??}.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GovernanceRefusalTextsTest {

    private static final Map<String, String[]> TEXTS = Map.of(
            "zh", new String[] {"不采纳推荐的流程模式时须说明理由", "理由", "所选模式与推荐模式（electronic）不同时必填",
                    "未知的流程模式", "须为以下之一：[electronic, self-service, intelligent]", "流程模式"},
            "en", new String[] {"overriding the recommended mode needs a reason", "Reason",
                    "required when the mode differs from the recommendation (electronic)",
                    "unknown mode", "one of [electronic, self-service, intelligent]", "Process mode"});

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired MessageSource messages;

    @Test
    void everyRefusalReadsInBothLanguagesWithItsValuesFilledIn() throws Exception {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/governance.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        var keys = bundle.stringPropertyNames().stream().filter(k -> k.startsWith("gov.refused.")).sorted().toList();
        assertThat(keys).hasSizeGreaterThan(20);
        for (String key : keys) {
            String zh = messages.getMessage(key, new Object[] {7, 8}, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage(key, new Object[] {7, 8}, Locale.ENGLISH);
            assertThat(zh).as(key).isNotEqualTo(en).matches(".*\\p{IsHan}.*").doesNotContain("{").doesNotContain("''");
            assertThat(en).as(key).doesNotMatch(".*\\p{IsHan}.*").doesNotContain("{").doesNotContain("''");
        }
    }

    @Test
    void classificationRefusalsInTheReadersLanguage() throws Exception {
        String body = mvc.perform(post("/api/governance/scenarios").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"拒绝文本","sourceType":"regulation","sourceReference":"规则第1条",
                                 "ownerDepartment":"dept-operations","businessCategory":"issuer",
                                 "characteristics":["few-steps","clear-steps","high-risk"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        for (String lang : new String[] {"zh", "en"}) {
            String[] text = TEXTS.get(lang);
            mvc.perform(post("/api/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .header("Accept-Language", lang).with(httpBasic("sunqi", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"self-service\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(text[0]))
                    .andExpect(jsonPath("$.errors.reason").value(text[2]));
            mvc.perform(post("/api/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .header("Accept-Language", lang).with(httpBasic("sunqi", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"teleport\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(text[3]))
                    .andExpect(jsonPath("$.errors.mode").value(text[4]));
            String flash = (String) mvc.perform(post("/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .param("mode", "self-service").with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                    .andReturn().getFlashMap().get("flashErrorText");
            assertThat(flash).isEqualTo(text[0] + ": " + text[1] + " — " + text[2]);
            flash = (String) mvc.perform(post("/governance/scenarios/" + id + "/classification").param("lang", lang)
                            .param("mode", "teleport").with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                    .andReturn().getFlashMap().get("flashErrorText");
            assertThat(flash).isEqualTo(text[3] + ": " + text[5] + " — " + text[4]);
        }
    }

    @Test
    void conflictsAndValuesInTheReadersLanguage() throws Exception {
        String body = mvc.perform(post("/api/governance/scenarios").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"拒绝文本二","sourceType":"regulation","sourceReference":"规则第2条",
                                 "ownerDepartment":"dept-operations","businessCategory":"issuer",
                                 "characteristics":["few-steps","clear-steps","high-risk"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        Map<String, String> unclassified = Map.of("zh", "发布前请先完成分类（采纳或改选流程模式）",
                "en", "classify the scenario (accept or override the mode) before publishing");
        for (String lang : new String[] {"zh", "en"}) {
            mvc.perform(post("/api/governance/scenarios/" + id + "/publication").param("lang", lang)
                            .with(httpBasic("sunqi", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"runningInstances\":\"continue\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(unclassified.get(lang)));
            String flash = (String) mvc.perform(post("/governance/scenarios/" + id + "/publication").param("lang", lang)
                            .param("runningInstances", "continue").with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                    .andReturn().getFlashMap().get("flashErrorText");
            assertThat(flash).isEqualTo(unclassified.get(lang)).doesNotContain("gov.").doesNotContain("??");
        }
        Map<String, String> tooLarge = Map.of("zh", "BPMN 文件有 5242881 字节，最多接受 5242880 字节",
                "en", "the BPMN file has 5242881 bytes; at most 5242880 are accepted");
        MockMultipartFile huge = new MockMultipartFile("file", "huge.bpmn", "text/xml", new byte[5 * 1024 * 1024 + 1]);
        for (String lang : new String[] {"zh", "en"}) {
            String flash = (String) mvc.perform(multipart("/governance/scenarios/" + id + "/design").file(huge)
                            .param("lang", lang).with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                    .andReturn().getFlashMap().get("flashErrorText");
            assertThat(flash).isEqualTo(tooLarge.get(lang));
        }
    }
}
