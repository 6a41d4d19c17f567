package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Forms designed in the catalog reach the people who work the process: the start page and the
 * task page render the published version's forms, the server checks them, the values become the
 * case's variables, and a case keeps the forms of the version it runs on. Bad inputs tried: a
 * missing required field, a number that is not one, a select value not offered, an e-mail without
 * a domain, a text breaking its pattern, a generic start of a module's process, a start by a member
 * whose roles may not start it, a second publication with nothing changed.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CatalogFormsTest {

    private static final String KEY = "govFeeWaiver";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    private ResultActions sendJson(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                   String user, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String publishedScenario() throws Exception {
        String body = sendJson(post("/api/governance/scenarios"), "sunqi", """
                {"name":"手续费减免","description":"发行人申请减免手续费","sourceType":"bottleneck","sourceReference":"线下审批耗时",
                 "ownerDepartment":"dept-operations","businessCategory":"issuer","characteristics":["few-steps","clear-steps"]}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        sendJson(post("/api/governance/scenarios/" + id + "/classification"), "sunqi", "{\"mode\":\"electronic\"}")
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/governance/scenarios/" + id + "/design")
                        .file(new MockMultipartFile("file", "fee.bpmn20.xml", "application/xml",
                                BpmnValidationApiTest.resource("catalog-forms.bpmn20.xml")))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.valid").value(true));
        sendJson(put("/api/governance/scenarios/" + id + "/forms/apply"), "sunqi", """
                {"fields":[{"key":"amount","label":"减免金额","type":"number","required":true},
                           {"key":"reason","label":"申请理由","type":"textarea","required":true},
                           {"key":"contact","label":"联系邮箱","type":"email"},
                           {"key":"securityCode","label":"证券代码","type":"text","pattern":"[0-9]{6}"}]}""")
                .andExpect(status().isOk());
        sendJson(put("/api/governance/scenarios/" + id + "/forms/review"), "sunqi", """
                {"fields":[{"key":"opinion","label":"复核意见","type":"select","required":true,"options":["同意","不同意"]},
                           {"key":"urgent","label":"加急","type":"boolean"}]}""")
                .andExpect(status().isOk());
        sendJson(post("/api/governance/scenarios/" + id + "/publication"), "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isCreated());
        return id;
    }

    @Test
    void aCatalogProcessIsStartedAndWorkedThroughTheFormsOfItsVersion() throws Exception {
        String scenario = publishedScenario();

        // the home page's start button of the catalog process goes to the generic start page; the
        // reference approval keeps its own page
        mvc.perform(get("/").with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/start/" + KEY + "\"")))
                .andExpect(content().string(containsString("href=\"/approvals/new\"")));
        mvc.perform(get("/start/" + KEY).with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("减免金额")))
                .andExpect(content().string(containsString("联系邮箱")))
                .andExpect(content().string(containsString("data-form-src=\"/api/forms/start/" + KEY + "\"")));

        // the server checks every rule and starts nothing on a refusal
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        sendJson(post("/api/forms/start/" + KEY), "zhangsan",
                "{\"values\":{\"amount\":\"12O\",\"contact\":\"nobody@\",\"securityCode\":\"60051\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.amount").exists())
                .andExpect(jsonPath("$.errors.reason").exists())
                .andExpect(jsonPath("$.errors.contact").exists())
                .andExpect(jsonPath("$.errors.securityCode").exists());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);

        // the page form: a refusal comes back with its errors, a good submission opens the case
        mvc.perform(post("/start/" + KEY).with(user("zhangsan").roles("BUSINESS")).with(csrf()).param("amount", "x"))
                .andExpect(flash().attribute("flashError", "modes.form.invalid"));
        String caseId = json.readTree(sendJson(post("/api/forms/start/" + KEY), "zhangsan",
                        "{\"values\":{\"amount\":1200,\"reason\":\"首次发行\",\"contact\":\"ir@issuer.cn\",\"securityCode\":\"600519\"}}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
        Map<String, Object> variables = runtime.getVariables(caseId);
        assertThat(variables).containsEntry("amount", 1200L).containsEntry("reason", "首次发行")
                .containsEntry("contact", "ir@issuer.cn").containsEntry("securityCode", "600519");

        // the case has a number people can quote, and the reviewer and the initiator see what was submitted
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey())
                .matches("GOV-\\d{4}-\\d{6}");
        String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
        for (String page : new String[] {"/tasks/" + taskId, "/cases/" + caseId}) {
            String html = mvc.perform(get(page).with(user(page.startsWith("/tasks") ? "lisi" : "zhangsan").roles("BUSINESS")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("id=\"submitted-start\"").contains("减免金额").contains("1200")
                    .contains("首次发行").contains("ir@issuer.cn").contains("600519").containsPattern("GOV-\\d{4}-\\d{6}")
                    .doesNotContain(">" + caseId + "<");
        }

        // the review task shows the catalog form and completes through it
        mvc.perform(get("/tasks/" + taskId).with(user("lisi").roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("复核意见")))
                .andExpect(content().string(containsString("data-form-src=\"/api/tasks/" + taskId + "/form\"")));
        mvc.perform(get("/api/tasks/" + taskId + "/form").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.title").value("部门复核"))
                .andExpect(jsonPath("$.fields[0].options[1].value").value("不同意"))
                .andExpect(jsonPath("$.fields[1].options[0].label").value("是"));
        sendJson(post("/api/tasks/" + taskId + "/form"), "lisi", "{\"values\":{\"opinion\":\"也许\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.opinion").exists());
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();

        // the owner changes the review form: the running case keeps its version's form...
        sendJson(put("/api/governance/scenarios/" + scenario + "/forms/review"), "sunqi",
                "{\"fields\":[{\"key\":\"score\",\"label\":\"评分\",\"type\":\"number\",\"required\":true}]}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/tasks/" + taskId + "/form").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.fields[0].key").value("opinion"));
        sendJson(post("/api/tasks/" + taskId + "/form"), "lisi", "{\"values\":{\"opinion\":\"同意\",\"urgent\":\"true\"}}")
                .andExpect(status().isNoContent());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();

        // ...and publishing the same design again is allowed because its forms changed; new cases get them
        sendJson(post("/api/governance/scenarios/" + scenario + "/publication"), "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version.versionNo").value(2));
        sendJson(post("/api/governance/scenarios/" + scenario + "/publication"), "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isConflict());
        String second = json.readTree(sendJson(post("/api/forms/start/" + KEY), "zhangsan",
                        "{\"values\":{\"amount\":\"88.5\",\"reason\":\"再次申请\"}}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
        String secondTask = tasks.createTaskQuery().processInstanceId(second).singleResult().getId();
        mvc.perform(get("/api/tasks/" + secondTask + "/form").with(httpBasic("lisi", "demo")))
                .andExpect(jsonPath("$.fields[0].key").value("score"))
                .andExpect(jsonPath("$.fields.length()").value(1));
    }

    @Test
    void theGenericStartPageStartsOnlyCatalogProcessesTheMemberMayStart() throws Exception {
        // a module's process is started on its own page, which stores its data first
        mvc.perform(get("/api/forms/start/referenceApproval").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isNotFound());
        sendJson(post("/api/forms/start/referenceApproval"), "zhangsan", "{\"values\":{}}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/forms/start/noSuchProcess").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isNotFound());
        // hegui (compliance) is not among the reference approval's starters
        mvc.perform(get("/api/forms/start/referenceApproval").with(httpBasic("hegui", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(user("hegui").roles("COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"/start/"))));
    }
}
