package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.util.Map;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The five steps over REST as a process owner would take them, with the role and department rules,
 * the audit trail, one active process per scenario, both choices for running instances and the
 * public {@link GovernanceCatalog} API. Bad inputs tried: unknown vocabulary values, missing
 * fields, an override without reason, not-suitable without reason, an unreadable upload (XXE),
 * publishing before classifying, publishing an invalid design, a changed process id, a second
 * publication of the same design, a form for an unknown activity and with a broken pattern,
 * feedback rated 0 and 6, feedback on a case the member may not see.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GovernanceCatalogTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired GovernanceCatalog catalog;

    private static final String SCENARIO = """
            {"name":"%s","description":"发行人回售业务","sourceType":"regulation","sourceReference":"回售业务规则第5条",
             "ownerDepartment":"%s","businessCategory":"issuer","characteristics":["few-steps","clear-steps","high-risk"]}""";

    private ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String register(String name, String department) throws Exception {
        String body = postJson("/api/governance/scenarios", "sunqi", SCENARIO.formatted(name, department))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private ResultActions upload(String scenarioId, String resource, String user) throws Exception {
        return mvc.perform(multipart("/api/governance/scenarios/" + scenarioId + "/design")
                .file(new MockMultipartFile("file", resource, "application/xml", BpmnValidationApiTest.resource(resource)))
                .with(httpBasic(user, "demo")));
    }

    private JsonNode publish(String scenarioId, String running) throws Exception {
        String body = postJson("/api/governance/scenarios/" + scenarioId + "/publication", "sunqi",
                "{\"runningInstances\":\"" + running + "\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private String waitingTask(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId();
    }

    @Test
    void aScenarioGoesThroughAllFiveStepsWithEveryChangeAudited() throws Exception {
        String id = register("回售业务审批", "dept-operations");

        // 2 classification: recommended electronic (3 of 3); overriding needs a reason
        mvc.perform(get("/api/governance/scenarios/" + id + "/recommendation").with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.mode").value("electronic"))
                .andExpect(jsonPath("$.reasons[0].matched.length()").value(3));
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"self-service\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"teleport\"}")
                .andExpect(status().isBadRequest());
        // publishing before classification is refused
        postJson("/api/governance/scenarios/" + id + "/publication", "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isConflict());
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"electronic\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.mode").value("electronic"));

        // 3 design: an unreadable file changes nothing; an invalid one is stored with its errors
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        mvc.perform(multipart("/api/governance/scenarios/" + id + "/design")
                        .file(new MockMultipartFile("file", "x.bpmn", "application/xml", xxe.getBytes()))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.report.valid").value(false));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gov_design WHERE scenario_id = ?", Long.class, id)).isZero();
        upload(id, "missing-candidate-group.bpmn20.xml", "sunqi").andExpect(status().isCreated())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.report.errors[*].elementId", hasItem("review")));
        postJson("/api/governance/scenarios/" + id + "/publication", "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.review").exists());
        upload(id, "flowable-electronic.bpmn20.xml", "sunqi").andExpect(status().isCreated())
                .andExpect(jsonPath("$.valid").value(true));
        mvc.perform(get("/api/governance/scenarios/" + id + "/design/diagram").with(httpBasic("hegui", "demo")))
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G'));

        // forms: stored per start event / user task and served back
        mvc.perform(put("/api/governance/scenarios/" + id + "/forms/review").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\":[{\"key\":\"opinion\",\"label\":\"复核意见\",\"type\":\"select\",\"required\":true,"
                                + "\"options\":[\"同意\",\"不同意\"]},{\"key\":\"code\",\"label\":\"证券代码\",\"type\":\"text\","
                                + "\"pattern\":\"[0-9]{6}\"}]}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/governance/scenarios/" + id + "/forms/nowhere").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"type\":\"text\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/governance/scenarios/" + id + "/forms/review").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\":[{\"key\":\"1bad\",\"label\":\"\",\"type\":\"colour\",\"pattern\":\"([\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['fields[0].key']").exists())
                .andExpect(jsonPath("$.errors['fields[0].type']").exists())
                .andExpect(jsonPath("$.errors['fields[0].pattern']").exists());
        mvc.perform(get("/api/governance/scenarios/" + id + "/forms/review").with(httpBasic("hegui", "demo")))
                .andExpect(jsonPath("$.definition.fields[0].options[1]").value("不同意"));

        // 4 implementation
        JsonNode first = publish(id, "continue");
        assertThat(first.at("/version/versionNo").asInt()).isEqualTo(1);
        postJson("/api/governance/scenarios/" + id + "/publication", "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isConflict());
        Member zhangsan = directory.requireMember("zhangsan");
        var started = work.start(zhangsan, "govPutBack", "PB-1", Map.of());
        assertThat(waitingTask(started.id())).isEqualTo(first.at("/version/processDefinitionId").asText());

        // 5 improvement: feedback from someone who sees the case, an action linked to it
        postJson("/api/governance/feedback", "zhangsan", "{\"caseId\":\"" + started.id() + "\",\"rating\":6}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.rating").exists());
        postJson("/api/governance/feedback", "zhangsan", "{\"caseId\":\"" + started.id() + "\",\"rating\":0}")
                .andExpect(status().isBadRequest());
        postJson("/api/governance/feedback", "wangwu", "{\"caseId\":\"" + started.id() + "\",\"rating\":3}")
                .andExpect(status().isNotFound());
        String feedback = postJson("/api/governance/feedback", "zhangsan", "{\"caseId\":\"" + started.id()
                + "\",\"rating\":2,\"comment\":\"复核太慢\",\"taskName\":\"复核\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long feedbackId = json.readTree(feedback).get("id").asLong();
        String action = postJson("/api/governance/scenarios/" + id + "/improvements", "sunqi", "{\"title\":\"复核并行处理\","
                + "\"metricRef\":\"复核环节 p90 办理时长\",\"feedbackIds\":[" + feedbackId + "]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.feedbackIds[0]").value(feedbackId))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/governance/improvements/" + json.readTree(action).get("id").asLong() + "/status")
                        .with(httpBasic("sunqi", "demo")).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"done\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("done"));

        // who, when, what for every change
        mvc.perform(get("/api/governance/scenarios/" + id + "/audit").with(httpBasic("hegui", "demo")))
                .andExpect(jsonPath("$[*].action", hasItem("registered")))
                .andExpect(jsonPath("$[*].action", hasItem("mode-accepted")))
                .andExpect(jsonPath("$[*].action", hasItem("design-uploaded")))
                .andExpect(jsonPath("$[*].action", hasItem("form-saved")))
                .andExpect(jsonPath("$[*].action", hasItem("published")))
                .andExpect(jsonPath("$[*].action", hasItem("feedback-given")))
                .andExpect(jsonPath("$[*].action", hasItem("improvement-added")))
                .andExpect(jsonPath("$[*].action", hasItem("improvement-status")))
                .andExpect(jsonPath("$[0].actor").value("sunqi"))
                .andExpect(jsonPath("$[0].occurredAt").exists());
        mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$.stage").value("published"));
    }

    @Test
    void aNewVersionSupersedesTheOldAndRunningInstancesContinueOrMigrateAsChosen() throws Exception {
        String id = register("回售业务（版本）", "dept-operations");
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"electronic\"}").andExpect(status().isOk());
        upload(id, "flowable-electronic.bpmn20.xml", "sunqi").andExpect(status().isCreated());
        // the process id govPutBack may already belong to the other test's scenario: use a copy with its own id
        String v1 = new String(BpmnValidationApiTest.resource("flowable-electronic.bpmn20.xml")).replace("govPutBack", "govPutBackV");
        String v2 = new String(BpmnValidationApiTest.resource("flowable-electronic-v2.bpmn20.xml")).replace("govPutBack", "govPutBackV");
        String v3 = new String(BpmnValidationApiTest.resource("flowable-electronic-v3.bpmn20.xml")).replace("govPutBack", "govPutBackV");
        uploadText(id, v1);
        String def1 = publish(id, "continue").at("/version/processDefinitionId").asText();
        Member zhangsan = directory.requireMember("zhangsan");
        var onV1 = work.start(zhangsan, "govPutBackV", "V-1", Map.of());

        // continue: the old instance stays on v1, new ones start on v2, v1 can no longer be started
        uploadText(id, v2);
        JsonNode second = publish(id, "continue");
        String def2 = second.at("/version/processDefinitionId").asText();
        assertThat(waitingTask(onV1.id())).isEqualTo(def1);
        assertThat(repository.getProcessDefinition(def1).isSuspended()).isTrue();
        var onV2 = work.start(zhangsan, "govPutBackV", "V-2", Map.of());
        assertThat(waitingTask(onV2.id())).isEqualTo(def2);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("govPutBackV").active().count()).isEqualTo(1);
        assertThatThrownBy(() -> runtime.startProcessInstanceById(def1)).hasMessageContaining("suspended");
        assertThat(second.at("/version/changes").toString()).contains("secondReview").contains("renamed");

        // migrate: v3 drops 'review', where the v1 instance waits, so Flowable's validation refuses it and says why
        uploadText(id, v3);
        JsonNode third = publish(id, "migrate");
        String def3 = third.at("/version/processDefinitionId").asText();
        JsonNode fromV1 = null;
        for (JsonNode m : third.get("migrations")) {
            if (m.get("fromDefinitionId").asText().equals(def1)) {
                fromV1 = m;
            }
        }
        assertThat(fromV1).isNotNull();
        assertThat(fromV1.get("migrated").asBoolean()).isFalse();
        assertThat(fromV1.get("messages").toString()).contains("review");
        assertThat(waitingTask(onV1.id())).isEqualTo(def1);

        // the v2 instance waits in 'review' too; move it on to 'secondReview', which v3 has, then migrate it
        String reviewTask = work.inbox(directory.requireMember("lisi"), 0, 200).stream()
                .filter(t -> t.caseId().equals(onV2.id())).findFirst().orElseThrow().id();
        work.complete(directory.requireMember("lisi"), reviewTask, Map.of(), null);
        String body = mvc.perform(post("/api/governance/scenarios/" + id + "/migration").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"migrated\":true");
        assertThat(waitingTask(onV2.id())).isEqualTo(def3);
        assertThat(waitingTask(onV1.id())).isEqualTo(def1);
        mvc.perform(get("/api/governance/scenarios/" + id + "/versions").with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].versionNo").value(3))
                .andExpect(jsonPath("$[1].supersededAt").exists())
                .andExpect(jsonPath("$[0].changes[*].kind", hasItem("removed")));
        // the process id stays the scenario's
        uploadText(id, new String(BpmnValidationApiTest.resource("flowable-electronic.bpmn20.xml")).replace("govPutBack", "govOther"));
        postJson("/api/governance/scenarios/" + id + "/publication", "sunqi", "{\"runningInstances\":\"continue\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.processKey").exists());
    }

    private void uploadText(String id, String xml) throws Exception {
        mvc.perform(multipart("/api/governance/scenarios/" + id + "/design")
                        .file(new MockMultipartFile("file", "m.bpmn20.xml", "application/xml", xml.getBytes()))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated());
    }

    @Test
    void ownersManageTheirDepartmentGovernanceReadsAllOthersAreRefused() throws Exception {
        String id = register("账户资料变更", "dept-operations");
        // sunqi (dept-operations) may not register for another department; admin may
        postJson("/api/governance/scenarios", "sunqi", SCENARIO.formatted("他部门场景", "dept-registry"))
                .andExpect(status().isForbidden());
        String other = json.readTree(postJson("/api/governance/scenarios", "admin", SCENARIO.formatted("登记部场景", "dept-registry"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
        postJson("/api/governance/scenarios/" + other + "/classification", "sunqi", "{\"mode\":\"electronic\"}")
                .andExpect(status().isForbidden());
        // compliance and IT managers read, but change nothing
        mvc.perform(get("/api/governance/scenarios").with(httpBasic("hegui", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(other)));
        mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("zhouba", "demo"))).andExpect(status().isOk());
        postJson("/api/governance/scenarios/" + id + "/classification", "hegui", "{\"mode\":\"electronic\"}")
                .andExpect(status().isForbidden());
        upload(id, "flowable-electronic.bpmn20.xml", "zhouba").andExpect(status().isForbidden());
        // everyone else: 403
        mvc.perform(get("/api/governance/scenarios").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("issuer01", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/governance").with(user("zhangsan").roles("BUSINESS"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gov_audit WHERE scenario_id = ? AND actor <> 'sunqi'", Long.class, id))
                .isZero();
    }

    @Test
    void identificationRefusesBadInputAndRecordsDirectIntegration() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM gov_scenario", Long.class);
        postJson("/api/governance/scenarios", "sunqi", "{\"name\":\"\",\"sourceType\":\"rumour\",\"ownerDepartment\":\"dept-nowhere\","
                + "\"businessCategory\":\"aliens\",\"characteristics\":[\"magic\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists()).andExpect(jsonPath("$.errors.sourceType").exists())
                .andExpect(jsonPath("$.errors.sourceReference").exists()).andExpect(jsonPath("$.errors.ownerDepartment").exists())
                .andExpect(jsonPath("$.errors.businessCategory").exists()).andExpect(jsonPath("$.errors.characteristics").exists());
        mvc.perform(post("/api/governance/scenarios").with(httpBasic("sunqi", "demo")).header("Accept-Language", "en").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"sourceType\":\"regulation\","
                                + "\"sourceReference\":\"x\",\"ownerDepartment\":\"dept-operations\",\"businessCategory\":\"issuer\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("required, at most 200 characters"))
                .andExpect(jsonPath("$.errors.length()").value(1));
        postJson("/api/governance/scenarios", "sunqi", "{\"name\": ").andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gov_scenario", Long.class)).isEqualTo(before);

        String id = register("行情数据下发", "dept-operations");
        mvc.perform(put("/api/governance/scenarios/" + id + "/suitability").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"suitable\":false}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/governance/scenarios/" + id + "/suitability").with(httpBasic("sunqi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"suitable\":false,\"reason\":\"纯系统间数据同步，无人工环节\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.directIntegration").value(true))
                .andExpect(jsonPath("$.integrationReason").value("纯系统间数据同步，无人工环节"));
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"electronic\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.stage").value("not-suitable"));
    }

    @Test
    void theRecommendationFollowsTheSeedsRulesAndExplainsTies() throws Exception {
        String body = postJson("/api/governance/scenarios", "sunqi", """
                {"name":"投资者开户","sourceType":"mining","sourceReference":"挖掘发现开户环节排队","ownerDepartment":"dept-operations",
                 "businessCategory":"investor","characteristics":["clear-rules","repetitive","high-frequency","large-volume"]}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        mvc.perform(get("/api/governance/scenarios/" + id + "/recommendation").with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.mode").value("intelligent"));
        body = postJson("/api/governance/scenarios", "sunqi", """
                {"name":"参与人申报","sourceType":"bottleneck","sourceReference":"人工录入申报","ownerDepartment":"dept-operations",
                 "businessCategory":"clearing-participant","characteristics":["external-participants","high-risk"]}""")
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/governance/scenarios/" + json.readTree(body).get("id").asText() + "/recommendation")
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.mode").value("self-service"))
                .andExpect(jsonPath("$.tieBreak").value("external-participants"));
    }

    @Test
    void otherModulesOfferDraftsReadScenariosAndValidateThroughTheApi() throws Exception {
        String id = register("挖掘发现的过户流程", "dept-operations");
        String draftId = catalog.offerDesignDraft(id, BpmnValidationApiTest.resource("bpmn-io.bpmn"), "process-mining:discovery-1", "mining");
        assertThat(catalog.scenarios()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.stage()).isEqualTo("identified");
        });
        assertThat(catalog.activeModel(id)).isEmpty();
        assertThat(catalog.validate("<x/>".getBytes()).valid()).isFalse();
        assertThat(catalog.validate(BpmnValidationApiTest.resource("camunda-modeler.bpmn")).valid()).isTrue();
        assertThatThrownBy(() -> catalog.offerDesignDraft("scn-none", new byte[] {1}, "x", "y"))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class);

        // the owner sees the offer and adopts it as the current design
        mvc.perform(get("/api/governance/scenarios/" + id).with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$.offeredDrafts[0].origin").value("process-mining:discovery-1"))
                .andExpect(jsonPath("$.design").doesNotExist());
        postJson("/api/governance/scenarios/" + id + "/classification", "sunqi", "{\"mode\":\"electronic\"}");
        mvc.perform(post("/api/governance/scenarios/" + id + "/drafts/" + draftId + "/adoption").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("current"));
        publish(id, "continue");
        assertThat(new String(catalog.activeModel(id).orElseThrow())).contains("govSettlement");
        mvc.perform(get("/api/governance/scenarios/" + id + "/audit").with(httpBasic("sunqi", "demo")))
                .andExpect(jsonPath("$[*].action", hasItem("draft-offered")))
                .andExpect(jsonPath("$[*].action", hasItem("draft-adopted")))
                .andExpect(jsonPath("$[*].detail", hasItem(containsString("process-mining:discovery-1"))));
    }
}
