package io.clearflow.mining.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.log.EventLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = MiningTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SpectrumApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void theApiAnswersTheSegmentsAndThePageDrawsThem() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("running-example.xes"));
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        // counted independently: direct successions decide → reject request in the shared log
        EventLog log = SharedData.load("running-example.xes");
        int expected = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            for (int i = 0; i + 1 < events.length; i++) {
                expected += log.activityName(log.activity(events[i])).equals("decide")
                        && log.activityName(log.activity(events[i + 1])).equals("reject request") ? 1 : 0;
            }
        }
        String answer = mvc.perform(get("/api/mining/logs/{id}/spectrum", id).param("source", "decide")
                        .param("target", "reject request").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.segments").value(expected))
                .andExpect(jsonPath("$.binned").value(false))
                .andReturn().getResponse().getContentAsString();
        JsonNode lines = json.readTree(answer).get("lines");
        assertThat(lines).hasSize(expected);
        for (JsonNode line : lines) {
            assertThat(line.get("end").asLong() - line.get("start").asLong()).isEqualTo(line.get("durationMs").asLong());
            assertThat(line.get("quartile").asInt()).isBetween(1, 4);
        }
        // binned when asked for fewer lines than there are segments
        mvc.perform(get("/api/mining/logs/{id}/spectrum", id).param("source", "decide")
                        .param("target", "reject request").param("maxLines", "1").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.binned").value(true));
        // a role without mining access
        mvc.perform(get("/api/mining/logs/{id}/spectrum", id).param("source", "decide")
                        .param("target", "reject request").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isForbidden());

        String page = mvc.perform(get("/mining/logs/{id}", id).param("segmentSource", "decide")
                        .param("segmentTarget", "reject request").with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"chart-spectrum\"", "data-chart-option=", "&quot;type&quot;:&quot;lines&quot;",
                "性能频谱", "最慢 25%");
        // without a choice the page shows the hand-off with the most waiting
        String plain = mvc.perform(get("/mining/logs/{id}", id).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(plain).contains("id=\"spectrum-form\"", "id=\"spectrum-summary\"");
    }
}
