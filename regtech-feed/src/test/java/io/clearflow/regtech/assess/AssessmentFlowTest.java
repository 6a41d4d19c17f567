package io.clearflow.regtech.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import io.clearflow.regtech.RegtechTestApplication;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The impact assessment on the engine with the demo organisation: compliance triages, the assigned
 * departments assess in parallel (inboxes), compliance raises a demand through DemandIntake (linked
 * both ways) or closes with no action; overdue highlighted. Bad input: business users triaging or
 * deciding (403), a department not asked (403), missing reason, no departments, past deadline,
 * unknown risk and decision (400), deciding while departments assess, assessing twice, triaging
 * twice (409).
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(AssessmentFlowTest.DeliveryStandIn.class)
class AssessmentFlowTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired DemandIntake demands;

    /** Delivery is not part of this module's tests: where a raised demand is deployed comes from this stand-in. */
    @org.springframework.boot.test.context.TestConfiguration
    static class DeliveryStandIn {
        @org.springframework.context.annotation.Bean
        io.clearflow.demand.api.DemandDeliveryStatus deliveryStatus() {
            return demandId -> List.of(new io.clearflow.demand.api.DemandDeliveryStatus.DeliveredVersion("登记存管系统", "2.4.0",
                    java.time.LocalDate.of(2026, 12, 20), "production", List.of(
                            new io.clearflow.demand.api.DemandDeliveryStatus.EnvironmentStatus("production", "production",
                                    "succeeded", "abcdef123456", java.time.Instant.parse("2026-12-01T02:00:00Z"), true))));
        }
    }

    ResultActions postJson(String u, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(u, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long item(String q) throws Exception {
        JsonNode r = json.readTree(mvc.perform(get("/api/regtech/items").param("q", q).with(httpBasic("hegui", "demo")))
                .andReturn().getResponse().getContentAsString());
        return r.get("items").get(0).get("id").asLong();
    }

    List<String> inbox(String u) {
        return work.inbox(directory.requireMember(u), 0, 200).stream().map(t -> t.businessKey() + ":" + t.activityId()).toList();
    }

    @Test
    void relevantItemGoesThroughDepartmentsToADemand() throws Exception {
        long itemId = item("证监会通报");
        String deadline = LocalDate.now().plusDays(10).toString();
        String triage = "{\"relevant\":true,\"reason\":\"执法重点涉及信息披露\",\"departments\":[\"dept-registry\",\"dept-it\"],\"deadline\":\"" + deadline + "\"}";
        postJson("zhangsan", "/api/regtech/items/" + itemId + "/triage", triage).andExpect(status().isForbidden());
        postJson("hegui", "/api/regtech/items/" + itemId + "/triage", "{\"relevant\":true,\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson("hegui", "/api/regtech/items/" + itemId + "/triage", "{\"relevant\":true,\"reason\":\"r\",\"deadline\":\"2000-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.departments").exists())
                .andExpect(jsonPath("$.errors.deadline").exists());
        postJson("hegui", "/api/regtech/items/" + itemId + "/triage", "{\"reason\":\"r\"}").andExpect(status().isBadRequest());
        postJson("hegui", "/api/regtech/items/" + itemId + "/triage",
                "{\"relevant\":true,\"reason\":\"r\",\"departments\":[\"x; drop table\"],\"deadline\":\"" + deadline + "\"}")
                .andExpect(status().isBadRequest());

        JsonNode a = json.readTree(postJson("hegui", "/api/regtech/items/" + itemId + "/triage", triage)
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("assessing")).andReturn().getResponse().getContentAsString());
        long id = a.get("id").asLong();
        String key = "REG-" + id;
        postJson("hegui", "/api/regtech/items/" + itemId + "/triage", triage).andExpect(status().isConflict());
        assertThat(inbox("zhangsan")).contains(key + ":assessImpact");
        assertThat(inbox("zhouba")).contains(key + ":assessImpact");
        assertThat(inbox("wangwu")).doesNotContain(key + ":assessImpact");
        assertThat(jdbc.queryForObject("select status from cf_reg_item where id = ?", String.class, itemId)).isEqualTo("assessing");

        String impact = "{\"processes\":\"上市公司信息披露登记\",\"systems\":\"登记系统\",\"deadline\":\"" + deadline + "\",\"risk\":\"medium\"}";
        postJson("wangwu", "/api/regtech/assessments/" + id + "/impact", impact).andExpect(status().isForbidden());
        postJson("hegui", "/api/regtech/assessments/" + id + "/decision", "{\"decision\":\"demand\",\"reason\":\"r\"}")
                .andExpect(status().isConflict());
        postJson("zhangsan", "/api/regtech/assessments/" + id + "/impact", impact.replace("medium", "extreme"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.risk").exists());
        postJson("zhangsan", "/api/regtech/assessments/" + id + "/impact", "{\"risk\":\"low\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.processes").exists());
        postJson("zhangsan", "/api/regtech/assessments/" + id + "/impact", impact).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("assessing"));
        postJson("lisi", "/api/regtech/assessments/" + id + "/impact", impact).andExpect(status().isConflict());
        postJson("zhouba", "/api/regtech/assessments/" + id + "/impact", impact.replace("登记系统", "监管报送系统"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("deciding"));
        assertThat(inbox("hegui")).contains(key + ":decide");

        postJson("zhangsan", "/api/regtech/assessments/" + id + "/decision", "{\"decision\":\"demand\",\"reason\":\"r\"}")
                .andExpect(status().isForbidden());
        postJson("hegui", "/api/regtech/assessments/" + id + "/decision", "{\"decision\":\"maybe\",\"reason\":\"r\"}")
                .andExpect(status().isBadRequest());
        JsonNode decided = json.readTree(postJson("hegui", "/api/regtech/assessments/" + id + "/decision",
                "{\"decision\":\"demand\",\"reason\":\"需改造登记系统以满足披露监管\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("closed")).andReturn().getResponse().getContentAsString());
        long demandId = decided.get("demandId").asLong();
        var demand = demands.find(demandId).orElseThrow();
        assertThat(demand.state()).isEqualTo(DemandState.SUBMITTED);
        assertThat(demand.originType()).isEqualTo("regtech");
        assertThat(demand.originReference()).isEqualTo("assessment/" + id);
        assertThat(inbox("zhouba")).contains("DEM-" + demandId + ":accept");
        mvc.perform(get("/api/regtech/assessments/" + id).with(httpBasic("zhangsan", "demo")))
                .andExpect(jsonPath("$.demand.state").value("SUBMITTED")).andExpect(jsonPath("$.impacts.length()").value(2));
        assertThat(jdbc.queryForObject("select status from cf_reg_item where id = ?", String.class, itemId)).isEqualTo("demand");
        String caseId = decided.get("caseId").asText();
        assertThat(jdbc.queryForList("select activity_id from cf_event_log where case_id = ? and scope = 'task' and lifecycle = 'complete' order by id",
                String.class, caseId)).containsExactly("triage", "assessImpact", "assessImpact", "decide");

        String page = mvc.perform(get("/regtech/items/" + itemId).with(user("hegui"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("DEM-" + demandId).contains("监管报送系统").doesNotContain("??");
        // and, later, the demand's delivery: its version and where it runs
        assertThat(page).contains("assessment-delivery").contains("登记存管系统").contains("2.4.0").contains("abcdef123456");
        String caseEn = mvc.perform(get("/cases/" + caseId).param("lang", "en").with(user("hegui"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(caseEn).contains("regtech-item-link").doesNotContain("??");
    }

    @Test
    void notRelevantClosesAtOnceAndOverdueIsHighlighted() throws Exception {
        long notRelevant = item("AI 伦理");
        postJson("hegui", "/api/regtech/items/" + notRelevant + "/triage", "{\"relevant\":false,\"reason\":\"境外机构内部准则，与我司业务无关\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("closed")).andExpect(jsonPath("$.decision").value("not-relevant"));
        assertThat(jdbc.queryForObject("select status from cf_reg_item where id = ?", String.class, notRelevant)).isEqualTo("not-relevant");

        long late = item("Digital ID");
        String page = mvc.perform(get("/regtech/items/" + late).with(user("hegui"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("triage-form");
        assertThat(mvc.perform(get("/regtech/items/" + late).with(user("zhangsan"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("triage-form");
        JsonNode a = json.readTree(postJson("hegui", "/api/regtech/items/" + late + "/triage", "{\"relevant\":true,\"reason\":\"开户实名\","
                + "\"departments\":[\"dept-account\"],\"deadline\":\"" + LocalDate.now().plusDays(1) + "\"}")
                .andReturn().getResponse().getContentAsString());
        jdbc.update("update cf_reg_assessment set deadline = ? where id = ?", LocalDate.now().minusDays(2), a.get("id").asLong());
        mvc.perform(get("/api/regtech/assessments/" + a.get("id").asLong()).with(httpBasic("hegui", "demo")))
                .andExpect(jsonPath("$.overdue").value(true));
        String list = mvc.perform(get("/regtech/assessments").with(user("hegui"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("overdue-mark").doesNotContain("??");
        String en = mvc.perform(get("/regtech/assessments").param("lang", "en").with(user("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Overdue").doesNotContain("??");
    }

    /** A decision may open a governance scenario (source "regulation") through the catalog's public API. */
    @Test
    void decisionOpensAGovernanceScenarioLinkedFromTheItem() throws Exception {
        long itemId = item("金砖国家");
        String deadline = LocalDate.now().plusDays(5).toString();
        long id = json.readTree(postJson("hegui", "/api/regtech/items/" + itemId + "/triage", "{\"relevant\":true,\"reason\":\"反洗钱平台\","
                + "\"departments\":[\"dept-clearing\"],\"deadline\":\"" + deadline + "\"}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        postJson("wangwu", "/api/regtech/assessments/" + id + "/impact",
                "{\"processes\":\"跨境结算\",\"systems\":\"结算系统\",\"risk\":\"high\"}").andExpect(status().isOk());
        Integer scenariosBefore = jdbc.queryForObject("select count(*) from gov_scenario", Integer.class);
        postJson("hegui", "/api/regtech/assessments/" + id + "/decision", "{\"decision\":\"scenario\",\"reason\":\"r\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.scenarioDepartment").exists());
        postJson("hegui", "/api/regtech/assessments/" + id + "/decision",
                "{\"decision\":\"scenario\",\"reason\":\"r\",\"scenarioDepartment\":\"dept-nowhere\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.scenarioDepartment").exists());
        postJson("hegui", "/api/regtech/assessments/" + id + "/decision",
                "{\"decision\":\"scenario\",\"reason\":\"r\",\"scenarioDepartment\":\"dept-clearing\",\"scenarioCategory\":\"x' or 1=1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.scenarioCategory").exists());
        assertThat(jdbc.queryForObject("select count(*) from gov_scenario", Integer.class)).as("refusals store nothing")
                .isEqualTo(scenariosBefore);
        assertThat(jdbc.queryForObject("select state from cf_reg_assessment where id = ?", String.class, id)).isEqualTo("deciding");

        JsonNode decided = json.readTree(postJson("hegui", "/api/regtech/assessments/" + id + "/decision",
                "{\"decision\":\"scenario\",\"reason\":\"建立跨境反洗钱协查流程\",\"scenarioDepartment\":\"dept-clearing\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("scenario")).andReturn().getResponse().getContentAsString());
        String scenarioId = decided.get("scenarioId").asText();
        assertThat(jdbc.queryForMap("select source_type, owner_department, business_category, created_by from gov_scenario where id = ?",
                scenarioId)).containsEntry("SOURCE_TYPE", "regulation").containsEntry("OWNER_DEPARTMENT", "dept-clearing")
                .containsEntry("BUSINESS_CATEGORY", "internal").containsEntry("CREATED_BY", "hegui");
        assertThat(jdbc.queryForObject("select source_reference from gov_scenario where id = ?", String.class, scenarioId))
                .contains("金砖国家");
        assertThat(jdbc.queryForObject("select status from cf_reg_item where id = ?", String.class, itemId)).isEqualTo("scenario");
        String page = mvc.perform(get("/regtech/items/" + itemId).with(user("hegui"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("assessment-scenario").contains("/governance/scenarios/" + scenarioId).contains("已识别")
                .doesNotContain("??");
        mvc.perform(get("/api/regtech/assessments/" + id).with(httpBasic("hegui", "demo")))
                .andExpect(jsonPath("$.scenario.id").value(scenarioId)).andExpect(jsonPath("$.scenario.stage").value("identified"));
    }
}
