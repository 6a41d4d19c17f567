package io.clearflow.mining.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A model discovered from a log reaches the governance catalog as a design draft of a scenario,
 * for its owner to adopt. Inputs tried: an unknown scenario (404), a noise outside 0..1 (400), and
 * a user who may read mining results but not offer drafts (IT manager: 403); none stores a draft.
 */
@SpringBootTest(classes = MiningTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DesignDraftOfferTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void aDiscoveredModelIsOfferedToAScenarioAsADraft() throws Exception {
        String logId = uploadRunningExample();
        String scenarioId = registerScenario();

        JsonNode offer = json.readTree(mvc.perform(post("/api/mining/logs/" + logId + "/discover/offer")
                        .param("scenarioId", scenarioId).param("noise", "0").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(offer.path("draftId").asText()).isNotBlank();

        JsonNode scenario = scenario(scenarioId);
        assertThat(scenario.path("offeredDrafts")).hasSize(1);
        assertThat(scenario.path("offeredDrafts").get(0).path("origin").asText()).startsWith("process-mining:" + logId);
        assertThat(scenario.path("design").isMissingNode() || scenario.path("design").isNull())
                .as("an offer is not adopted by itself").isTrue();
    }

    @Test
    void aDraftDiscoveredFromARealLogPassesTheCatalogsValidationAsOffered() throws Exception {
        String logId = upload("reviewing.xes");
        String scenarioId = registerScenario();

        mvc.perform(post("/api/mining/logs/" + logId + "/discover/offer").param("scenarioId", scenarioId)
                .with(httpBasic("sunqi", "demo"))).andExpect(status().isCreated());

        JsonNode draft = scenario(scenarioId).path("offeredDrafts").get(0);
        assertThat(draft.path("report").path("errors")).as("validation errors of the offered draft: %s",
                draft.path("report").path("errors")).isEmpty();
        assertThat(draft.path("valid").asBoolean()).isTrue();
        // named after the scenario, owned by and offered to its department; what is left is said as warnings
        assertThat(draft.path("report").path("processName").asText()).isEqualTo("赔付申请（挖掘发现）");
        assertThat(draft.path("report").path("warnings").findValuesAsText("key")).contains("gov.finding.noForm")
                .doesNotContain("gov.finding.noStarters", "gov.finding.unknownGroup", "gov.finding.noDiagram");
        assertThat(draft.path("origin").asText()).as("the log's name after its id, for the catalog to say")
                .startsWith("process-mining:" + logId + " (reviewing.").endsWith(")");

        // adopted as it is, it is the scenario's valid current design
        mvc.perform(post("/api/governance/scenarios/" + scenarioId + "/drafts/" + draft.path("id").asText() + "/adoption")
                .with(httpBasic("sunqi", "demo"))).andExpect(status().is2xxSuccessful());
        assertThat(scenario(scenarioId).path("design").path("valid").asBoolean()).isTrue();
    }

    @Test
    void badOffersStoreNothing() throws Exception {
        String logId = uploadRunningExample();
        String scenarioId = registerScenario();
        String offer = "/api/mining/logs/" + logId + "/discover/offer";

        mvc.perform(post(offer).param("scenarioId", "scn-unknown").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post(offer).param("scenarioId", scenarioId).param("noise", "1.5").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post(offer).param("scenarioId", scenarioId).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isForbidden());

        assertThat(scenario(scenarioId).path("offeredDrafts")).isEmpty();
    }

    private String uploadRunningExample() throws Exception {
        return upload("running-example.xes");
    }

    private String upload(String name) throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog(name));
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", name, "application/xml", xes))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private String registerScenario() throws Exception {
        String body = mvc.perform(post("/api/governance/scenarios").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"赔付申请（挖掘发现）","description":"来自旧系统日志","sourceType":"mining",
                                 "sourceReference":"running-example","ownerDepartment":"dept-operations",
                                 "businessCategory":"internal","characteristics":["clear-steps"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private JsonNode scenario(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scenario.id").value(id))
                .andReturn().getResponse().getContentAsString());
    }
}
