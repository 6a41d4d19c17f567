package io.clearflow.testmetrics.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.TestMetricsTestApplication;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test plans end to end: a JSON plan whose automated cases take CI results and whose manual cases take recorded
 * results, the figures (automation ratio, requirement coverage, progress, effectiveness), the CSV import with
 * row-level refusals in the reader's language, roles, and the version page in both languages.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class PlanApiTest {

    static final String PLAN = """
            {"name": "3.2.0 regression", "iteration": "S14", "cases": [
              {"key": "pay.PayTest.a", "title": "pays", "automated": true, "demands": [12, 15]},
              {"key": "pay.PayTest.b", "automated": true, "demands": [15]},
              {"key": "pay.PayTest.missing", "automated": true},
              {"key": "TC-1", "title": "refund by hand", "automated": false, "demands": [20]}]}""";

    @Autowired MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();
    long planId;
    long manualCaseId;
    long automatedCaseId;

    @BeforeAll
    void seed() throws Exception {
        String junit = "<testsuite name=\"pay.PayTest\"><testcase classname=\"pay.PayTest\" name=\"a\" time=\"0.1\"/>"
                + "<testcase classname=\"pay.PayTest\" name=\"b\" time=\"0.1\"><failure message=\"boom\">t</failure></testcase></testsuite>";
        mvc.perform(multipart("/api/test-metrics/reports").file(new MockMultipartFile("file", "r.xml", null,
                        junit.getBytes(StandardCharsets.UTF_8))).param("project", "plansys").param("version", "3.2.0")
                        .param("run", "7").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isCreated());
        // the relation case → defect recorded with the defect (e.g. from Jira)
        mvc.perform(post("/api/test-metrics/projects/plansys/defects").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"key\":\"PAY-1\",\"foundInVersion\":\"3.2.0\",\"title\":\"b fails\",\"severity\":\"major\","
                                + "\"phase\":\"integration\",\"open\":true,\"testCase\":\"pay.PayTest.b\",\"createdAt\":\"2026-01-01T00:00:00Z\"}]")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk());
        String body = mvc.perform(post("/api/test-metrics/projects/plansys/versions/3.2.0/plans")
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN).with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode plan = json.readTree(body);
        planId = plan.get("id").asLong();
        automatedCaseId = plan.get("cases").get(0).get("id").asLong();
        manualCaseId = plan.get("cases").get(3).get("id").asLong();
    }

    @Test
    void automatedCasesTakeTheLatestCiRunAndManualCasesTheirRecordedResult() throws Exception {
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"FAILED\",\"note\":\"refund stuck\",\"defect\":\"PAY-2\"}")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recordedBy").value("zhengshi"));
        mvc.perform(get("/api/test-metrics/plans/{p}", planId).with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[0].status").value("PASSED"))
                .andExpect(jsonPath("$.cases[0].statusBy").value("7"))
                .andExpect(jsonPath("$.cases[1].status").value("FAILED"))
                .andExpect(jsonPath("$.cases[1].defects[0]").value("PAY-1"))
                .andExpect(jsonPath("$.cases[2].status").value("NOT_RUN"))
                .andExpect(jsonPath("$.cases[3].status").value("FAILED"))
                .andExpect(jsonPath("$.cases[3].defects[0]").value("PAY-2"))
                // 3 of 4 automated; 3 of 4 linked to demands {12, 15, 20}; 3 of 4 executed, 1 passed of 3 that ran;
                // defects PAY-1 and PAY-2 found by 3 cases that ran
                .andExpect(jsonPath("$.figures.automationRatio").value(0.75))
                .andExpect(jsonPath("$.figures.requirementCoverage").value(0.75))
                .andExpect(jsonPath("$.figures.demands").value(3))
                .andExpect(jsonPath("$.figures.progress").value(0.75))
                .andExpect(jsonPath("$.figures.passed").value(1))
                .andExpect(jsonPath("$.figures.defects").value(2))
                .andExpect(jsonPath("$.figures.effectiveness").value(Matchers.closeTo(2 / 3.0, 1e-9)));
        mvc.perform(get("/api/test-metrics/projects/plansys/versions/3.2.0/plans").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ciRun").value("7"))
                .andExpect(jsonPath("$.plans.length()").value(1))
                .andExpect(jsonPath("$.figures.cases").value(4));
        // the maturity scorer reads the automation ratio: 75 % caps "automated testing" at level 4 and says so
        mvc.perform(get("/api/test-metrics/maturity/plansys").with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$[?(@.indicator == 'automatedTesting')].source").value(Matchers.hasItem(
                        Matchers.containsString("75 % of planned cases automated"))));
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        // an automated case's result comes from CI
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId, automatedCaseId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PASSED\"}").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isConflict());
        // a case of another plan, an unknown plan, a status that does not exist, a wrong type
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId + 999, manualCaseId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PASSED\"}").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"MAYBE\"}").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PASSED\",\"defect\":\"x'; DROP TABLE tm_plan;--\"}")
                        .param("lang", "en").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.defect").value(Matchers.startsWith("The defect key has letters")));
        // QC reads but does not record; business staff do not even read
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PASSED\"}").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/test-metrics/plans/{p}", planId).with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        // the same plan name twice in one version; bad fields in Chinese (the default language)
        mvc.perform(post("/api/test-metrics/projects/plansys/versions/3.2.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN).with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/test-metrics/projects/plansys/versions/3.2.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"cases\":[{\"key\":\"k\",\"automated\":true,\"demands\":[-3]}]}")
                        .param("lang", "zh_CN").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(Matchers.startsWith("计划名称必填")))
                .andExpect(jsonPath("$.errors['cases[0].demands[0]']").value(Matchers.startsWith("需求须为正整数")));
        mvc.perform(post("/api/test-metrics/projects/plansys/versions/3.2.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"dup\",\"cases\":[{\"key\":\"k\",\"automated\":true},{\"key\":\"k\",\"automated\":false}]}")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['cases[1].key']").exists());
        mvc.perform(post("/api/test-metrics/projects/plansys/versions/3.2.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"types\",\"cases\":[{\"key\":\"k\",\"automated\":\"often\"}]}")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/test-metrics/projects/plansys/versions/3.2.0/plans").with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$.plans.length()").value(1)) // neither "dup" nor "types" was stored
                .andExpect(jsonPath("$.plans[0].cases.length()").value(4));
    }

    @Test
    void csvImportWithRowErrorsInTheReadersLanguage() throws Exception {
        byte[] bad = "key,automated,demands\nTC-1,yes,1\nTC-2,perhaps,\nTC-3,no,abc\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/test-metrics/projects/plancsv/versions/3.3.0/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", bad)).param("name", "smoke")
                        .param("lang", "en").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The CSV file has errors; nothing was imported."))
                .andExpect(jsonPath("$.errors['row 3']").value(Matchers.startsWith("Automated must be yes or no")))
                .andExpect(jsonPath("$.errors['row 4']").value(Matchers.startsWith("Demands are positive")))
                .andExpect(jsonPath("$.errors['row 2']").doesNotExist());
        mvc.perform(get("/api/test-metrics/projects/plancsv/versions/3.3.0/plans").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isNotFound()); // not even the version was created
        byte[] good = "用例编号,标题,自动化,需求\nTC-1,登录,否,7\nTC-2,下单,否,\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/test-metrics/projects/plancsv/versions/3.3.0/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", good)).param("name", "冒烟")
                        .param("iteration", "S15").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cases.length()").value(2))
                .andExpect(jsonPath("$.figures.automationRatio").value(0.0))
                .andExpect(jsonPath("$.figures.requirementCoverage").value(0.5));
        // the template the page offers imports as it is
        byte[] template = mvc.perform(get("/api/test-metrics/plans/template.csv").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/api/test-metrics/projects/plancsv/versions/3.3.0/plans/import")
                        .file(new MockMultipartFile("file", "test-plan.csv", "text/csv", template)).param("name", "from template")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.figures.automationRatio").value(0.5))
                .andExpect(jsonPath("$.cases[0].demands.length()").value(2));
        mvc.perform(multipart("/api/test-metrics/projects/plancsv/versions/3.3.0/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", good)).param("lang", "en")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(Matchers.startsWith("The plan name is required")));
        byte[] huge = new byte[PlanCsv.MAX_BYTES + 1];
        mvc.perform(multipart("/api/test-metrics/projects/plancsv/versions/3.3.0/plans/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", huge)).param("name", "big")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void versionPageSummarisesThePlansAndThePlanPageTakesResults() throws Exception {
        for (String lang : new String[] {"zh_CN", "en"}) {
            String version = mvc.perform(get("/test-metrics/plansys/3.2.0").param("lang", lang).with(user("zhengshi").roles("TESTER")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(version).doesNotContain("??").contains("tm-plan-figures", "tm-automation-ratio", "3.2.0 regression",
                    "/test-metrics/plans/" + planId, "tm-plan-import", "tm-plan-template");
            String plan = mvc.perform(get("/test-metrics/plans/{p}", planId).param("lang", lang).with(user("zhengshi").roles("TESTER")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(plan).doesNotContain("??").contains("tm-plan-figures", "tm-record-form", "/demand/12", "pay.PayTest.missing",
                    "tm-case-" + manualCaseId);
        }
        String readOnlyVersion = mvc.perform(get("/test-metrics/plansys/3.2.0").with(user("chenqc").roles("QC")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnlyVersion).contains("tm-plan-figures").doesNotContain("tm-plan-import");
        String readOnlyPlan = mvc.perform(get("/test-metrics/plans/{p}", planId).with(user("chenqc").roles("QC")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnlyPlan).contains("tm-plan-figures").doesNotContain("tm-record-form");
        mvc.perform(get("/test-metrics/plans/{p}", planId).with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/test-metrics/plansys/3.4.0/plans/import")
                        .file(new MockMultipartFile("file", "p.csv", "text/csv", "key,automated\nTC-1,maybe\n".getBytes(StandardCharsets.UTF_8)))
                        .param("name", "p").with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(redirectedUrl("/test-metrics/plansys/3.4.0"))
                .andExpect(flash().attribute("flashError", "tm.plan.csv.invalid"))
                .andExpect(flash().attribute("planRowErrors", Matchers.hasEntry("row 2", "tm.plan.error.automated")));
        // another system: a newer plan of plansys would change the automation ratio the maturity test reads
        mvc.perform(multipart("/test-metrics/planpage/3.4.0/plans/import")
                        .file(new MockMultipartFile("file", "p.csv", "text/csv", "key,automated\nTC-1,no\n".getBytes(StandardCharsets.UTF_8)))
                        .param("name", "p").with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(redirectedUrlPattern("/test-metrics/plans/*"))
                .andExpect(flash().attribute("flash", "tm.plan.imported"));
        mvc.perform(post("/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId).param("status", "BLOCKED")
                        .param("note", "env down").with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(redirectedUrl("/test-metrics/plans/" + planId + "#tm-case-" + manualCaseId))
                .andExpect(flash().attribute("flash", "tm.plan.recorded"));
        mvc.perform(post("/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId).param("status", "nonsense")
                        .with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(flash().attribute("flashErrors", Matchers.contains("tm.plan.error.status")));
        mvc.perform(post("/test-metrics/plans/{p}/cases/{c}/results", planId, manualCaseId).param("status", "PASSED")
                        .with(user("chenqc").roles("QC")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMistakenPlanIsDeletedButAPlanWithResultsStays() throws Exception {
        String created = mvc.perform(post("/api/test-metrics/projects/plandel/versions/1.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"wrong\",\"cases\":[{\"key\":\"TC-1\",\"automated\":false,\"demands\":[3]}]}")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long wrong = json.readTree(created).get("id").asLong();
        String kept = mvc.perform(post("/api/test-metrics/projects/plandel/versions/1.0/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"kept\",\"cases\":[{\"key\":\"TC-1\",\"automated\":false}]}")
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long keptId = json.readTree(kept).get("id").asLong();
        long keptCase = json.readTree(kept).get("cases").get(0).get("id").asLong();
        mvc.perform(post("/api/test-metrics/plans/{p}/cases/{c}/results", keptId, keptCase).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"PASSED\"}").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/test-metrics/plans/{p}", wrong)
                        .with(httpBasic("chenqc", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/test-metrics/plans/{p}", wrong)
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/test-metrics/plans/{p}", wrong).with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/test-metrics/plans/{p}", keptId)
                        .param("lang", "en").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Plan kept has recorded results and is kept as evidence of the testing done."));
        mvc.perform(post("/test-metrics/plans/{p}/delete", keptId).with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(redirectedUrl("/test-metrics/plans/" + keptId))
                .andExpect(flash().attribute("flashError", "tm.plan.error.hasResults"));
        mvc.perform(get("/api/test-metrics/projects/plandel/versions/1.0/plans").with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$.plans.length()").value(1))
                .andExpect(jsonPath("$.plans[0].name").value("kept"));
    }
}
