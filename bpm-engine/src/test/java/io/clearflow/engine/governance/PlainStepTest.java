package io.clearflow.engine.governance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import java.nio.charset.StandardCharsets;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A published catalog process whose user task has no form can be finished: validation warns about
 * the step, and its task page offers a plain 办结 with an optional comment.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlainStepTest {

    private static final String KEY = "govPlainStep";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired UserDetailsService users;

    private byte[] model() throws Exception {
        return new String(BpmnValidationApiTest.resource("catalog-forms.bpmn20.xml"), StandardCharsets.UTF_8)
                .replace("govFeeWaiver", KEY).replace("手续费减免申请", "无表单流程").getBytes(StandardCharsets.UTF_8);
    }

    private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.with(httpBasic("sunqi", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aStepWithoutAFormIsWarnedAboutAndCanBeCompleted() throws Exception {
        mvc.perform(multipart("/api/governance/validate").file(new MockMultipartFile("file", "plain.bpmn20.xml",
                        "application/xml", model())).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.warnings[*].elementId", hasItem("review")))
                .andExpect(jsonPath("$.warnings[*].message", hasItem(containsString("has no form"))));

        String id = json.readTree(send(post("/api/governance/scenarios"), """
                {"name":"无表单流程","description":"只有一步复核","sourceType":"bottleneck","sourceReference":"线下",
                 "ownerDepartment":"dept-operations","businessCategory":"issuer","characteristics":["few-steps"]}"""))
                .get("id").asText();
        send(post("/api/governance/scenarios/" + id + "/classification"), "{\"mode\":\"electronic\"}");
        mvc.perform(multipart("/api/governance/scenarios/" + id + "/design")
                        .file(new MockMultipartFile("file", "plain.bpmn20.xml", "application/xml", model()))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated());
        send(post("/api/governance/scenarios/" + id + "/publication"), "{\"runningInstances\":\"continue\"}");
        String caseId = json.readTree(mvc.perform(post("/api/forms/start/" + KEY).with(httpBasic("zhangsan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"values\":{}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
        String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();

        var lisi = user(users.loadUserByUsername("lisi"));
        String page = mvc.perform(get("/tasks/" + taskId).with(lisi)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"complete-form\"").contains("办结");
        mvc.perform(post("/tasks/" + taskId + "/complete").with(lisi).with(csrf()).param("comment", "已核对"))
                .andExpect(flash().attribute("flash", "task.completed"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndTime())
                .isNotNull();

        // a module's step keeps its own decision form and gets no plain 办结
        String approvalPage = mvc.perform(get("/approvals/new").with(user(users.loadUserByUsername("zhangsan"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(approvalPage).doesNotContain("id=\"complete-form\"");
    }
}
