package io.clearflow.mining.conformance;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.flowable.engine.RepositoryService;
import org.hamcrest.Matchers;
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
class ConformanceApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;

    private String uploadRunningExample() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("running-example.xes"));
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private static MockMultipartFile model(byte[] content) {
        return new MockMultipartFile("model", "model.bpmn", "application/xml", content);
    }

    @Test
    void replaysOnAnUploadedModelAndOnADeployedProcess() throws Exception {
        String id = uploadRunningExample();
        byte[] bpmn = Files.readAllBytes(SharedData.eventLog("running-example.bpmn"));
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model(bpmn)).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fitness").value(1.0))
                .andExpect(jsonPath("$.cases").value(6))
                .andExpect(jsonPath("$.fittingCases").value(6))
                .andExpect(jsonPath("$.nonFittingCases").isEmpty())
                // alignments beside token replay: every case fits (trace fitness 1); the log figure is pm4py's
                // 1 - sum(cost)/sum(bwc), just below 1 by the silent steps' unit costs
                .andExpect(jsonPath("$.alignments.fittingCases").value(6))
                .andExpect(jsonPath("$.alignments.averageCaseFitness").value(1.0))
                .andExpect(jsonPath("$.alignments.fitness", Matchers.allOf(Matchers.greaterThan(0.999),
                        Matchers.lessThanOrEqualTo(1.0))))
                .andExpect(jsonPath("$.alignments.nonFittingCases").isEmpty());

        // a model of only two of the activities: every case deviates, the other activities are log moves
        String twoSteps = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<startEvent id=\"s\"/><task id=\"a\" name=\"register request\"/><task id=\"b\" name=\"decide\"/>"
                + "<endEvent id=\"e\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"a\"/>"
                + "<sequenceFlow id=\"f2\" sourceRef=\"a\" targetRef=\"b\"/><sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"e\"/>"
                + "</process></definitions>";
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model(twoSteps.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alignments.fittingCases").value(0))
                .andExpect(jsonPath("$.alignments.nonFittingCaseCount").value(6))
                .andExpect(jsonPath("$.alignments.nonFittingCases[0].logMoves", Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.alignments.deviations[?(@.activity == 'check ticket')].cases").value(6));

        // against the model discovered from the log itself, without a file
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).param("discoveredNoise", "0")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alignments.fittingCases").value(6));
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).param("discoveredNoise", "2")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());

        // the model discovered with noise 0, deployed on the engine and named by its key
        byte[] discovered = mvc.perform(multipart("/api/mining/logs/{id}/discover", id).param("noise", "0")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        repository.createDeployment().addBytes("discovered.bpmn20.xml", discovered).deploy();
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).param("modelProcessKey",
                        "discovered_running-example.xes").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fitness").value(1.0));
    }

    @Test
    void badModelsAreA400WithTheReason() throws Exception {
        String id = uploadRunningExample();
        // tried: malformed XML, XXE, unsupported element, no model at all, both model and key, unknown process key
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model("<definitions".getBytes()))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("not well-formed")));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<task id=\"t\" name=\"&x;\"/></process></definitions>";
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model(xxe.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("DTD")))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("root:"))));
        String sub = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<startEvent id=\"s\"/><subProcess id=\"sp\" name=\"Inner\"/><endEvent id=\"e\"/></process></definitions>";
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model(sub.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("subProcess 'Inner'")));
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).file(model("<x/>".getBytes()))
                        .param("modelProcessKey", "anything").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/mining/logs/{id}/conformance", id).param("modelProcessKey", "no-such-process")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isNotFound());
    }
}
