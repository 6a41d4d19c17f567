package io.clearflow.delivery.cockpit;

import static io.clearflow.delivery.cockpit.CockpitFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.project.ProjectStage;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The cockpit, its drill-down, CSV, year-end review and pages over a fixture written straight into the tables: a
 * department and a system of its own (so other tests' rows in the shared database do not count), five projects with
 * stage history, costs and surveys, three versions through submission, change and production, defects through
 * test-metrics' API, four demands. Every expected number below is worked out by hand from those rows.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class CockpitApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrgDirectory directory;
    @Autowired TestEvidence evidence;
    @Autowired CockpitRefresher refresher;
    @Autowired UserDetailsService users;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    String dept;
    String deptName;
    String system;
    long p3;
    long p4;
    long v2;
    long a2;

    @BeforeEach
    void fixture() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        dept = "dept-ck-" + suffix;
        deptName = "驾驶舱测试部" + suffix;
        system = "ck" + suffix;
        directory.createUnit(dept, deptName, OrgUnit.Type.DEPARTMENT);
        CockpitFixture f = new CockpitFixture(jdbc);
        f.system(system, dept);

        // projects: created in March 2026 except p5 (February)
        long p1 = f.project("P1", dept, "initiation", new BigDecimal("100"), at("2026-03-01T00:00:00Z"), null);
        f.stage(p1, "initiation", at("2026-03-01T00:00:00Z"), null);
        long p2 = f.project("P2", dept, "commerce", new BigDecimal("200"), at("2026-03-02T00:00:00Z"), null);
        f.stage(p2, "initiation", at("2026-03-02T00:00:00Z"), 6.0);
        f.stage(p2, "commerce", at("2026-03-08T00:00:00Z"), null);
        f.cost(p2, "contract", "50", LocalDate.of(2026, 3, 9));
        f.cost(p2, "payment", "30", LocalDate.of(2026, 3, 10));
        p3 = f.project("P3", dept, "acceptance", new BigDecimal("300"), at("2026-03-03T00:00:00Z"), at("2026-03-20T00:00:00Z"));
        f.stage(p3, "initiation", at("2026-03-03T00:00:00Z"), 1.0);
        f.stage(p3, "review", at("2026-03-04T00:00:00Z"), 2.0);
        f.stage(p3, "commerce", at("2026-03-06T00:00:00Z"), 3.0);
        f.stage(p3, "qc", at("2026-03-09T00:00:00Z"), 1.0);
        f.stage(p3, "golive", at("2026-03-10T00:00:00Z"), 4.0);
        f.stage(p3, "acceptance", at("2026-03-14T00:00:00Z"), null);
        f.projectSystem(p3, system);
        f.cost(p3, "staff", "250", LocalDate.of(2026, 3, 15));
        p4 = f.project("P4", dept, "closed", new BigDecimal("400"), at("2026-03-04T00:00:00Z"), at("2026-03-25T00:00:00Z"));
        f.stage(p4, "initiation", at("2026-03-04T00:00:00Z"), 3.0);
        f.stage(p4, "commerce", at("2026-03-07T00:00:00Z"), 5.0);
        f.stage(p4, "acceptance", at("2026-03-12T00:00:00Z"), 2.0);
        f.stage(p4, "closed", at("2026-03-14T00:00:00Z"), null);
        f.cost(p4, "contract", "400", LocalDate.of(2026, 3, 5));
        f.cost(p4, "other", "100", LocalDate.of(2025, 12, 20));
        f.project("P5", dept, "cancelled", null, at("2026-02-15T00:00:00Z"), null);
        f.survey(p3, "dept-registry", 4, "zhangsan");
        f.survey(p3, "dept-registry", 5, "lisi");
        f.survey(p3, "dept-clearing", 3, "wangwu");
        f.survey(p4, "dept-clearing", 1, "zhaoliu");

        // v1 through every hand-off; v2 passed test, change not approved, failed in production; v3 only created
        Instant t0 = at("2026-03-05T00:00:00Z");
        long v1 = f.version(system, "1.0", t0);
        long a1 = f.artifact(v1);
        long s1 = f.submission(v1, a1, system, t0.plusSeconds(10 * 3600), t0.plusSeconds(12 * 3600), t0.plusSeconds(20 * 3600),
                true, t0.plusSeconds(22 * 3600));
        f.change(s1, v1, a1, system, true, t0.plusSeconds(23 * 3600), List.of(t0.plusSeconds(24 * 3600), t0.plusSeconds(26 * 3600)));
        f.deployment(v1, a1, system, "test", "succeeded", t0.plusSeconds(11 * 3600));
        f.deployment(v1, a1, system, "production", "succeeded", t0.plusSeconds(30 * 3600));
        f.deployment(v1, a1, system, "production", "failed", t0.plusSeconds(40 * 3600));
        f.projectVersion(p3, v1);
        Instant t1 = at("2026-03-06T00:00:00Z");
        v2 = f.version(system, "2.0", t1);
        a2 = f.artifact(v2);
        long s2 = f.submission(v2, a2, system, t1.plusSeconds(4 * 3600), t1.plusSeconds(5 * 3600), t1.plusSeconds(9 * 3600), true, null);
        f.change(s2, v2, a2, system, false, t1.plusSeconds(10 * 3600), List.of(t1.plusSeconds(11 * 3600)));
        f.deployment(v2, a2, system, "production", "failed", t1.plusSeconds(12 * 3600));
        f.version(system, "3.0", at("2026-03-07T00:00:00Z"));
        evidence.recordDefects(system, List.of(
                new DefectRecord("CK-1", "1.0", "d1", "major", "integration", false, null, t0, t0),
                new DefectRecord("CK-2", "1.0", "d2", "minor", "acceptance", false, null, t0, t0),
                new DefectRecord("CK-3", "1.0", "d3", "critical", "production", true, null, t0, null)));

        // demands: d1 complete, d2 delivered without estimate, tasks or version, d3 rejected, d4 open
        long d1 = f.demand("需求一", dept, "DONE", at("2026-03-10T00:00:00Z"), 80, "5", "6");
        f.demandTask(d1);
        f.versionDemand(v1, d1);
        f.demand("需求二", dept, "DONE", at("2026-03-12T00:00:00Z"), null, null, "2");
        f.demand("需求三", dept, "REJECTED", at("2026-03-05T00:00:00Z"), null, null, null);
        f.demand("需求四", dept, "SUBMITTED", null, null, null, null);
        refresher.refresh();
    }

    @Test
    void everyFigureOfTheDepartmentFromTheFixture() throws Exception {
        JsonNode c = read(get("/api/delivery/cockpit").param("department", dept), "zhouba");
        assertThat(c.get("departmentName").asText()).isEqualTo(deptName);
        // every stage, zeros included, P5 (cancelled) counts without a period
        List<String> codes = new ArrayList<>();
        c.get("projectsByStage").fieldNames().forEachRemaining(codes::add);
        assertThat(codes).containsExactlyElementsOf(java.util.Arrays.stream(ProjectStage.values()).map(ProjectStage::code).toList());
        assertStages(c, 1, 0, 1, 0, 0, 1, 0, 1, 1);

        JsonNode budget = c.get("budget");
        assertThat(budget.get("budget").decimalValue()).isEqualByComparingTo("1000");
        assertThat(budget.get("actual").decimalValue()).isEqualByComparingTo("830");
        JsonNode closed = find(budget.get("byStage"), "key", "closed");
        assertThat(closed.get("budget").decimalValue()).isEqualByComparingTo("400");
        assertThat(closed.get("actual").decimalValue()).isEqualByComparingTo("500");
        assertThat(find(budget.get("byDepartment"), "key", dept).get("name").asText()).isEqualTo(deptName);

        // stage time, nearest rank: initiation 1, 3, 6 days -> median 3, p85 6; commerce 3, 5 -> 3, 5
        assertLead(c, "initiation", 3, 3.0, 6.0);
        assertLead(c, "commerce", 2, 3.0, 5.0);
        assertLead(c, "review", 1, 2.0, 2.0);
        assertLead(c, "golive", 1, 4.0, 4.0);
        assertLead(c, "acceptance", 1, 2.0, 2.0);

        // hand-offs in hours: v1 10/2/8/2/4/4, v2 4/1/4 and no further
        assertHandoff(c, "dev-to-test", 2, 4.0, 10.0);
        assertHandoff(c, "test-pickup", 2, 1.0, 2.0);
        assertHandoff(c, "testing", 2, 4.0, 8.0);
        assertHandoff(c, "test-to-qc", 1, 2.0, 2.0);
        assertHandoff(c, "qc-to-ops", 1, 4.0, 4.0);
        assertHandoff(c, "ops-to-production", 1, 4.0, 4.0);
        assertHandoff(c, "total", 1, 30.0, 30.0);

        JsonNode q = c.get("quality");
        assertThat(q.get("versions").asLong()).isEqualTo(3);
        assertThat(q.get("defects").asLong()).isEqualTo(3);
        assertThat(q.get("escapedDefects").asLong()).isEqualTo(1);
        assertThat(q.get("productionDeployments").asLong()).isEqualTo(3);
        assertThat(q.get("failedProductionDeployments").asLong()).isEqualTo(2);
        assertThat(q.get("changeFailRate").asDouble()).isEqualTo(0.6667);

        JsonNode d = c.get("demands");
        assertThat(d.get("decided").asLong()).isEqualTo(3);
        assertThat(d.get("delivered").asLong()).isEqualTo(2);
        assertThat(d.get("successRate").asDouble()).isEqualTo(0.6667);

        JsonNode s = c.get("satisfaction");
        assertThat(s.get("responses").asLong()).isEqualTo(4);
        assertThat(s.get("meanScore").asDouble()).isEqualTo(3.25);
        assertThat(find(s.get("byDepartment"), "department", "dept-registry").get("meanScore").asDouble()).isEqualTo(4.5);
        assertThat(find(s.get("byDepartment"), "department", "dept-clearing").get("meanScore").asDouble()).isEqualTo(2.0);
        assertThat(find(s.get("byDepartment"), "department", "dept-registry").get("departmentName").asText()).isEqualTo("登记托管部");

        JsonNode chains = c.get("completeness");
        JsonNode demand = find(chains, "key", "demand");
        assertThat(demand.get("records").asLong()).isEqualTo(2);
        assertThat(demand.get("complete").asLong()).isEqualTo(1);
        assertThat(demand.get("share").asDouble()).isEqualTo(0.5);
        assertThat(demand.get("incomplete").get(0).get("label").asText()).isEqualTo("需求二");
        assertThat(texts(demand.get("incomplete").get(0).get("missing"))).containsExactly("evaluation", "execution", "delivery");
        JsonNode project = find(chains, "key", "project");
        assertThat(project.get("records").asLong()).isEqualTo(2);
        assertThat(project.get("complete").asLong()).isEqualTo(1);
        assertThat(project.get("incomplete").get(0).get("id").asText()).isEqualTo(String.valueOf(p4));
        assertThat(texts(project.get("incomplete").get(0).get("missing"))).containsExactly("review", "update");
        JsonNode delivery = find(chains, "key", "delivery");
        assertThat(delivery.get("records").asLong()).isEqualTo(2);
        assertThat(delivery.get("complete").asLong()).isEqualTo(1);
        assertThat(delivery.get("incomplete").get(0).get("label").asText()).isEqualTo(system + " 2.0");
        assertThat(texts(delivery.get("incomplete").get(0).get("missing"))).containsExactly("qc", "ops");

        // the drill-down lists the same gaps
        JsonNode drill = read(get("/api/delivery/cockpit/completeness/project").param("department", dept), "zhouba");
        assertThat(drill.get("incomplete")).hasSize(1);
    }

    @Test
    void periodAndSystemNarrowTheFigures() throws Exception {
        JsonNode march = read(get("/api/delivery/cockpit").param("department", dept).param("from", "2026-03-01")
                .param("to", "2026-03-31"), "zhouba");
        assertStages(march, 1, 0, 1, 0, 0, 1, 0, 1, 0);
        // team efficiency: one month, one version in production, 5 evaluated person-days delivered; the team is at
        // least the four demo delivery people (wujiu, zhengshi, chenqc, linops; other tests may add more)
        JsonNode t = march.get("teamEfficiency");
        long people = t.get("people").asLong();
        assertThat(people).isGreaterThanOrEqualTo(4);
        assertThat(t.get("personMonths").asLong()).isEqualTo(people);
        assertThat(t.get("months").asLong()).isEqualTo(1);
        assertThat(t.get("deliveries").asLong()).isEqualTo(1);
        assertThat(t.get("demandPoints").decimalValue()).isEqualByComparingTo("5");
        assertThat(t.get("demandPointsPerPersonMonth").asDouble()).isCloseTo(5.0 / people, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(t.get("deliveriesPerPersonMonth").asDouble()).isCloseTo(1.0 / people, org.assertj.core.data.Offset.offset(1e-4));

        // from the 11th: only d2 was decided (and delivered); v1, v2 were created before
        JsonNode late = read(get("/api/delivery/cockpit").param("department", dept).param("from", "2026-03-11"), "zhouba");
        assertThat(late.get("demands").get("decided").asLong()).isEqualTo(1);
        assertThat(late.get("quality").get("versions").asLong()).isEqualTo(0);
        assertStages(late, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        // only P3 touches the system
        JsonNode bySystem = read(get("/api/delivery/cockpit").param("department", dept).param("system", system), "zhouba");
        assertStages(bySystem, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        assertThat(bySystem.get("budget").get("actual").decimalValue()).isEqualByComparingTo("250");
        assertThat(bySystem.get("quality").get("versions").asLong()).isEqualTo(3);
    }

    @Test
    void accessByRoleAndDepartment() throws Exception {
        for (String user : List.of("zhangsan", "issuer01", "wujiu", "linops")) {
            call(get("/api/delivery/cockpit"), user).andExpect(status().isForbidden());
            call(get("/delivery/cockpit"), user).andExpect(status().isForbidden());
            call(get("/api/delivery/year-review").param("year", "2026"), user).andExpect(status().isForbidden());
        }
        // a process owner gets their own department, and is refused another one
        JsonNode own = read(get("/api/delivery/cockpit"), "sunqi");
        assertThat(own.get("department").asText()).isEqualTo("dept-operations");
        call(get("/api/delivery/cockpit").param("department", dept), "sunqi").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("您只能查看本部门的驾驶舱"));
        call(get("/api/delivery/cockpit").param("department", dept).param("lang", "en"), "sunqi")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("you may only read your own department's cockpit"));
        call(get("/api/delivery/cockpit").param("department", "dept-operations"), "sunqi").andExpect(status().isOk());
        // admins see all departments
        JsonNode all = read(get("/api/delivery/cockpit"), "admin");
        assertThat(all.path("department").isMissingNode() || all.get("department").isNull()).isTrue();
        assertThat(all.get("budget").get("budget").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("1000"));
        mvc.perform(get("/api/delivery/cockpit")).andExpect(status().isUnauthorized());
    }

    @Test
    void badFiltersAreProblemDetailsNamingTheField() throws Exception {
        bad(get("/api/delivery/cockpit").param("department", "dept-nope"), "department");
        bad(get("/api/delivery/cockpit").param("department", "role-it-manager"), "department");
        bad(get("/api/delivery/cockpit").param("system", "x'; DROP TABLE del_project;--"), "system");
        bad(get("/api/delivery/cockpit").param("from", "2026-13-01"), "from");
        bad(get("/api/delivery/cockpit").param("to", "yesterday"), "to");
        bad(get("/api/delivery/cockpit").param("from", "2026-04-01").param("to", "2026-03-01"), "to");
        bad(get("/api/delivery/cockpit/completeness/everything"), "chain");
        bad(get("/api/delivery/year-review").param("year", "20x6"), "year");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project WHERE department = ?", Long.class, dept)).isEqualTo(5);
        // a bad filter on the page is the platform's 400 page
        call(get("/delivery/cockpit").param("from", "2026-02-30"), "zhouba").andExpect(status().isBadRequest());
    }

    @Test
    void csvWithByteOrderMarkAndLabelsInTheReadersLanguage() throws Exception {
        byte[] body = call(get("/api/delivery/cockpit.csv").param("department", dept), "zhouba").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).contains("部门,," + deptName).contains("质量,,变更失败率,0.6667").contains("各阶段项目,已关闭,项目数,1")
                .contains("满意度,登记托管部,平均分,4.5");
        byte[] en = call(get("/api/delivery/cockpit").param("department", dept).param("format", "csv")
                .param("lang", "en"), "zhouba").andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(en, StandardCharsets.UTF_8)).contains("Quality,,Change fail rate,0.6667");
    }

    @Test
    void yearEndReviewAsJsonAndWord() throws Exception {
        JsonNode r = read(get("/api/delivery/year-review").param("department", dept).param("year", "2026"), "zhouba");
        assertThat(texts(r.get("demands"), "title")).containsExactly("需求一", "需求二");
        assertThat(r.get("decided").asLong()).isEqualTo(3);
        assertThat(r.get("valueScore").asLong()).isEqualTo(80);
        assertThat(r.get("estimatedDays").decimalValue()).isEqualByComparingTo("5");
        assertThat(r.get("actualDays").decimalValue()).isEqualByComparingTo("8");
        assertThat(texts(r.get("projects"), "name")).containsExactly("P3", "P4");
        assertThat(r.get("cost").decimalValue()).isEqualByComparingTo("730");
        assertThat(r.get("costByKind").get("contract").decimalValue()).isEqualByComparingTo("450");
        assertThat(r.get("quality").get("failedProductionDeployments").asLong()).isEqualTo(2);
        JsonNode earlier = read(get("/api/delivery/year-review").param("department", dept).param("year", "2025"), "zhouba");
        assertThat(earlier.get("demands")).isEmpty();
        assertThat(earlier.get("cost").decimalValue()).isEqualByComparingTo("100");

        byte[] docx = call(get("/api/delivery/year-review.docx").param("department", dept).param("year", "2026"), "zhouba")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("年度回顾 — " + deptName + " 2026").contains("需求一").contains("P4").contains("730");
        }
        String page = call(get("/delivery/year-review").param("department", dept).param("year", "2026"), "zhouba")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(deptName).contains("需求二").contains("id=\"review-docx\"");
    }

    @Test
    void pageWithChartsTablesAndNavigation() throws Exception {
        String page = call(get("/delivery/cockpit").param("department", dept), "zhouba").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-chart-option").contains("id=\"chart-stages\"").contains("/js/charts.js")
                .contains(deptName).contains("需求二").contains("/api/delivery/cockpit.csv").contains("/delivery/cockpit\"");
        // the department select shows names, and the stage chart carries the counts
        assertThat(page).contains(">" + deptName + "</option>").contains("[1,0,1,0,0,1,0,1,1]");
        String en = call(get("/delivery/cockpit").param("department", dept).param("lang", "en"), "zhouba")
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("IT digital cockpit").contains("Change fail rate");
        // a process owner has no department select
        String own = call(get("/delivery/cockpit"), "sunqi").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).doesNotContain("id=\"filter-department\"").contains("运营管理部");
    }

    @Test
    void deliveryActivityTriggersTheNextRebuild() throws Exception {
        refresher.refreshWhenStale(); // whatever made it stale before is rebuilt now
        new CockpitFixture(jdbc).deployment(v2, a2, system, "production", "succeeded", at("2026-03-06T20:00:00Z"));
        refresher.refreshWhenStale();
        JsonNode before = read(get("/api/delivery/cockpit").param("department", dept), "zhouba");
        assertThat(before.get("quality").get("productionDeployments").asLong()).isEqualTo(3);

        events.publishEvent(new io.clearflow.delivery.DeliveryActivity(v2, system, "2.0", "deployment.succeeded", "linops",
                Instant.now(), null, null));
        refresher.refreshWhenStale();
        JsonNode after = read(get("/api/delivery/cockpit").param("department", dept), "zhouba");
        assertThat(after.get("quality").get("productionDeployments").asLong()).isEqualTo(4);
        assertThat(after.get("quality").get("changeFailRate").asDouble()).isEqualTo(0.5);
        assertThat(find(after.get("handoffs"), "key", "total").get("count").asLong()).isEqualTo(2);
    }

    // ---- helpers ----

    void assertStages(JsonNode c, long... counts) {
        ProjectStage[] stages = ProjectStage.values();
        for (int i = 0; i < stages.length; i++) {
            assertThat(c.get("projectsByStage").get(stages[i].code()).asLong()).as(stages[i].code()).isEqualTo(counts[i]);
        }
    }

    void assertLead(JsonNode c, String stage, long count, double median, double p85) {
        JsonNode s = find(c.get("stageLeadTimes"), "stage", stage);
        assertThat(s.get("count").asLong()).as(stage).isEqualTo(count);
        assertThat(s.get("medianDays").asDouble()).as(stage).isEqualTo(median);
        assertThat(s.get("p85Days").asDouble()).as(stage).isEqualTo(p85);
    }

    void assertHandoff(JsonNode c, String key, long count, double median, double p85) {
        JsonNode h = find(c.get("handoffs"), "key", key);
        assertThat(h.get("count").asLong()).as(key).isEqualTo(count);
        assertThat(h.get("medianHours").asDouble()).as(key).isEqualTo(median);
        assertThat(h.get("p85Hours").asDouble()).as(key).isEqualTo(p85);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + array);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    void bad(MockHttpServletRequestBuilder request, String field) throws Exception {
        JsonNode problem = json.readTree(call(request, "zhouba").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("errors").has(field)).as(problem.toString()).isTrue();
        // in the reader's language (Chinese by default), from the bundle: no key, no English
        assertThat(problem.get("errors").get(field).asText()).as(problem.toString())
                .doesNotStartWith("delivery.").containsPattern("\\p{IsHan}");
        assertThat(problem.get("detail").asText()).isEqualTo("驾驶舱筛选条件有误");
    }

    JsonNode read(MockHttpServletRequestBuilder request, String user) throws Exception {
        return json.readTree(call(request, user).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    ResultActions call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(user))));
    }
}
