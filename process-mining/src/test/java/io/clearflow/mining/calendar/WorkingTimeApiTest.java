package io.clearflow.mining.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import java.nio.charset.StandardCharsets;
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
class WorkingTimeApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void metricsAndBottlenecksInWorkingTimeOnRequestAndAToggleOnThePage() throws Exception {
        // review scheduled Fri 7 Feb 2025 17:30, started Mon 10 Feb 09:00 (Sat 8 Feb was a 调休 working day), done 10:00
        String csv = """
                case:concept:name,concept:name,time:timestamp,org:resource,org:group,lifecycle:transition
                c1,review,2025-02-07T17:30:00+08:00,,ops,schedule
                c1,review,2025-02-10T09:00:00+08:00,li,ops,start
                c1,review,2025-02-10T10:00:00+08:00,li,ops,complete
                """;
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "calendar.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        // wall clock by default: 63.5 h of waiting; working time: 0.5 h Friday + 8 h on the adjusted Saturday
        mvc.perform(get("/api/mining/logs/{id}/metrics", id).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[0].waiting.medianMs").value(63.5 * 3_600_000));
        mvc.perform(get("/api/mining/logs/{id}/metrics", id).param("calendar", "working").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[0].waiting.medianMs").value(8.5 * 3_600_000))
                .andExpect(jsonPath("$.tasks[0].handling.medianMs").value(3_600_000.0));
        mvc.perform(get("/api/mining/logs/{id}/bottlenecks", id).param("calendar", "working").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activities[0].meanWaitMs").value(8.5 * 3_600_000));
        mvc.perform(get("/api/mining/logs/{id}/metrics", id).param("calendar", "lunar").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("日历（calendar）须为 'working' 或 'wall'"));
        mvc.perform(get("/api/mining/logs/{id}/metrics", id).param("calendar", "lunar").param("lang", "en").header("Accept-Language", "en")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("calendar must be 'working' or 'wall'"));

        String page = mvc.perform(get("/mining/logs/{id}", id).param("calendar", "working")
                        .with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"calendar-toggle\"", "工作时间", "只计工作日的工作时间");
        assertThat(page).containsPattern("id=\"calendar-working\"[^>]*class=\"current\"");
        // the performance spectrum of the only segment, review → review does not exist: a 400 names the activity
        mvc.perform(get("/api/mining/logs/{id}/spectrum", id).param("source", "review").param("target", "nope")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("activity 'nope' is not in the log"));
        mvc.perform(get("/api/mining/logs/{id}/spectrum", id).param("source", "review").param("target", "review")
                        .param("maxLines", "0").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        String wallPage = mvc.perform(get("/mining/logs/{id}", id).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wallPage).containsPattern("id=\"calendar-wall\"[^>]*class=\"current\"").doesNotContain("只计工作日的工作时间");
    }
}
