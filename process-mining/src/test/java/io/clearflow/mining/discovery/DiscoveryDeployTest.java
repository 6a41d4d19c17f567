package io.clearflow.mining.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.log.EventLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The discovered BPMN is not just well-formed: the engine parses, deploys and runs it. */
@SpringBootTest(classes = MiningTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DiscoveryDeployTest {

    @Autowired DiscoveryService discovery;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void discoveredModelsOfEverySharedLogDeployAndRun() throws Exception {
        for (String name : List.of("running-example.xes", "reviewing.xes", "roadtraffic100traces.xes",
                "helpdesk.xes.gz", "receipt.csv")) {
            EventLog log = SharedData.load(name);
            byte[] bpmn = discovery.discoverBpmn(log, 0.2, name);

            BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(
                    new InputStreamSource(new ByteArrayInputStream(bpmn)), true, false);
            List<UserTask> userTasks = model.getMainProcess().findFlowElementsOfType(UserTask.class);
            assertThat(userTasks).as(name).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.getCandidateGroups()).containsExactly("role-process-owner"));
            assertThat(model.getLocationMap()).as("diagram shapes of %s", name)
                    .hasSizeGreaterThanOrEqualTo(userTasks.size() + 2);
            assertThat(model.getFlowLocationMap()).isNotEmpty();

            Deployment deployment = repository.createDeployment().name(name)
                    .addBytes("discovered-" + name + ".bpmn20.xml", bpmn).deploy();
            ProcessDefinition definition = repository.createProcessDefinitionQuery()
                    .deploymentId(deployment.getId()).singleResult();
            ProcessInstance instance = runtime.startProcessInstanceById(definition.getId());
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("role-process-owner")
                    .count()).as(name).isPositive();
        }
    }

    @Test
    void restDiscoveryReturnsBpmnAndRefusesABadNoiseThreshold() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("running-example.xes"));
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();

        byte[] bpmn = mvc.perform(post("/api/mining/logs/{id}/discover", id).param("noise", "0")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andReturn().getResponse().getContentAsByteArray();
        String xml = new String(bpmn, StandardCharsets.UTF_8);
        assertThat(xml).contains("<userTask", "name=\"decide\"", "parallelGateway", "BPMNShape");
        repository.createDeployment().addBytes("rest.bpmn20.xml", bpmn).deploy();

        // bad inputs tried: noise above 1, negative noise, unknown log
        mvc.perform(post("/api/mining/logs/{id}/discover", id).param("noise", "1.5").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(post("/api/mining/logs/{id}/discover", id).param("noise", "-1").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/mining/logs/{id}/discover", "00000000-0000-0000-0000-000000000000")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isNotFound());
    }
}
