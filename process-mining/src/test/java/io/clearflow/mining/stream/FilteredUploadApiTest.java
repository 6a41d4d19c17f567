package io.clearflow.mining.stream;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogFilter;
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
class FilteredUploadApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void anUploadWithFiltersKeepsOnlyTheMatchingCases() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("running-example.xes"));
        EventLog full = SharedData.load("running-example.xes");
        int expected = new LogFilter(null, null, "reject request", null, null, null, null, null).apply(full).caseCount();
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .param("activity", "reject request")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cases").value(expected))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        mvc.perform(get("/api/mining/logs/{id}/variants", id).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].activities[*]", org.hamcrest.Matchers.hasItem("reject request")))
                .andExpect(jsonPath("$[*].activities[*]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("pay compensation"))));
        // a period as ISO instants; a bad one is a 400 and nothing is stored
        mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .param("from", "yesterday")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .param("from", "2099-01-01T00:00:00Z")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cases").value(0));
    }
}
