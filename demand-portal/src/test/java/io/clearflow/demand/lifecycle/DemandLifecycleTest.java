package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The whole demand lifecycle over the REST API with the demo organisation: who may do what, in
 * which state, and what lands in the inboxes, the business tables and the event log.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandLifecycleTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired DemandIntake intake;

    static final String DEMAND = """
            {"title":"新增两融报表","description":"每日生成两融余额报表","category":"REPORT",
             "businessValue":"减少手工","urgency":"HIGH","regulatory":%s,"regulationRef":%s,"expectedDate":"2099-12-31"}""";

    private ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long submit(String user, boolean regulatory) throws Exception {
        String body = postJson(user, "/api/demands", DEMAND.formatted(regulatory, regulatory ? "\"证监会令第 1 号\"" : "null"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private JsonNode detail(String user, long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/demands/" + id).with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> inbox(String user) {
        return work.inbox(directory.requireMember(user), 0, 200).stream().map(t -> t.businessKey() + ":" + t.activityId()).toList();
    }

    @Test
    void aRegulatedDemandGoesThroughEveryStepWithTheRightPeople() throws Exception {
        long id = submit("zhangsan", true);
        String key = "DEM-" + id;
        assertThat(inbox("zhouba")).contains(key + ":accept");
        assertThat(inbox("hegui")).doesNotContain(key + ":accept");

        // compliance cannot triage (role), evaluation is not possible yet (state)
        postJson("hegui", "/api/demands/" + id + "/triage", "{\"accepted\":true}").andExpect(status().isForbidden());
        postJson("zhouba", "/api/demands/" + id + "/evaluation",
                "{\"valueScore\":8,\"estimateDays\":10,\"priority\":\"P2\",\"targetVersion\":\"v2.1\"}")
                .andExpect(status().isConflict());
        postJson("zhouba", "/api/demands/" + id + "/triage", "{\"accepted\":true,\"reason\":\"受理\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("COMPLIANCE_REVIEW"));
        assertThat(inbox("hegui")).contains(key + ":complianceReview");
        postJson("hegui", "/api/demands/" + id + "/compliance", "{\"accepted\":true,\"reason\":\"符合要求\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("EVALUATION"));
        postJson("zhouba", "/api/demands/" + id + "/evaluation",
                "{\"valueScore\":8,\"estimateDays\":10,\"priority\":\"P2\",\"targetVersion\":\"v2.1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SPLITTING"))
                .andExpect(jsonPath("$.valueScore").value(8));
        postJson("zhouba", "/api/demands/" + id + "/split",
                "{\"tasks\":[{\"title\":\"报表后端\",\"estimateDays\":6,\"dueDate\":\"2099-06-30\"},{\"title\":\"报表页面\",\"estimateDays\":4}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.demand.state").value("TRACKING"))
                .andExpect(jsonPath("$.tasks.length()").value(2))
                .andExpect(jsonPath("$.tasks[0].syncState").value("LOCAL"));

        // handing over before the tasks are done is not allowed from this situation
        mvc.perform(post("/api/demands/" + id + "/delivery").with(httpBasic("zhouba", "demo"))).andExpect(status().isConflict());
        JsonNode tasks = detail("zhouba", id).get("tasks");
        for (JsonNode t : tasks) {
            mvc.perform(put("/api/demands/tasks/" + t.get("id").asLong()).with(httpBasic("wujiu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\",\"actualDays\":6}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
        }
        mvc.perform(post("/api/demands/" + id + "/delivery").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACCEPTANCE"))
                .andExpect(jsonPath("$.actualDays").value(12.0));
        assertThat(inbox("zhangsan")).contains(key + ":businessAcceptance");
        // a colleague of the requester may read it but not accept it; another department may not even read it
        postJson("lisi", "/api/demands/" + id + "/acceptance", "{\"accepted\":true}").andExpect(status().isForbidden());
        mvc.perform(get("/api/demands/" + id).with(httpBasic("wangwu", "demo"))).andExpect(status().isForbidden());
        postJson("wangwu", "/api/demands/" + id + "/acceptance", "{\"accepted\":true}").andExpect(status().isForbidden());

        // rejection needs a reason, and sends the demand back to tracking
        postJson("zhangsan", "/api/demands/" + id + "/acceptance", "{\"accepted\":false}").andExpect(status().isBadRequest());
        postJson("zhangsan", "/api/demands/" + id + "/acceptance", "{\"accepted\":false,\"reason\":\"缺少合计行\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("TRACKING"))
                .andExpect(jsonPath("$.acceptanceRejections").value(1));
        assertThat(inbox("zhouba")).contains(key + ":track");
        mvc.perform(post("/api/demands/" + id + "/delivery").with(httpBasic("zhouba", "demo"))).andExpect(status().isOk());
        postJson("zhangsan", "/api/demands/" + id + "/acceptance", "{\"accepted\":true,\"reason\":\"验收通过\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        postJson("zhangsan", "/api/demands/" + id + "/acceptance", "{\"accepted\":true}").andExpect(status().isConflict());

        String caseId = detail("zhangsan", id).get("demand").get("caseId").asText();
        List<String> steps = jdbc.queryForList("SELECT activity_id FROM cf_event_log WHERE case_id = ? AND scope = 'task' "
                + "AND lifecycle = 'complete' ORDER BY id", String.class, caseId);
        assertThat(steps).containsExactly("accept", "complianceReview", "evaluate", "split", "track",
                "businessAcceptance", "track", "businessAcceptance");
        assertThat(jdbc.queryForObject("SELECT lead_seconds FROM cf_demand WHERE id = ?", Long.class, id)).isNotNull();
        assertThat(detail("zhangsan", id).get("history").size()).isEqualTo(9);
    }

    @Test
    void anUnregulatedFeatureSkipsComplianceAndARejectionEndsIt() throws Exception {
        long id = submit("wangwu", false);
        postJson("zhouba", "/api/demands/" + id + "/triage", "{\"accepted\":true}")
                .andExpect(jsonPath("$.state").value("EVALUATION"));
        long rejected = submit("wangwu", false);
        postJson("zhouba", "/api/demands/" + rejected + "/triage", "{\"accepted\":false}").andExpect(status().isBadRequest());
        postJson("zhouba", "/api/demands/" + rejected + "/triage", "{\"accepted\":false,\"reason\":\"重复需求\"}")
                .andExpect(jsonPath("$.state").value("REJECTED")).andExpect(jsonPath("$.rejectReason").value("重复需求"));
        assertThat(inbox("zhouba")).doesNotContain("DEM-" + rejected + ":accept");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand", Integer.class);
        // over-long title, missing description, unknown category, regulated without reference, past date
        postJson("zhangsan", "/api/demands", "{\"title\":\"" + "长".repeat(201) + "\",\"category\":\"NOPE\","
                + "\"urgency\":\"NORMAL\",\"regulatory\":true,\"expectedDate\":\"2001-01-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists()).andExpect(jsonPath("$.errors.description").exists())
                .andExpect(jsonPath("$.errors.category").exists()).andExpect(jsonPath("$.errors.regulationRef").exists())
                .andExpect(jsonPath("$.errors.expectedDate").exists());
        // control characters
        postJson("zhangsan", "/api/demands", DEMAND.formatted(false, "null").replace("新增两融报表", "a\\u0000b"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").exists());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand", Integer.class)).isEqualTo(before);

        // script in the title is stored as text and shown escaped
        long id = submit("zhangsan", false);
        jdbc.update("UPDATE cf_demand SET title = ? WHERE id = ?", "<script>alert(1)</script>", id);
        String page = mvc.perform(get("/demand/" + id).with(user("zhangsan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("id=\"demand-delivery\"").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        // evaluation out of range, split with no tasks
        postJson("zhouba", "/api/demands/" + id + "/triage", "{\"accepted\":true}").andExpect(status().isOk());
        postJson("zhouba", "/api/demands/" + id + "/evaluation",
                "{\"valueScore\":11,\"estimateDays\":-1,\"priority\":\"P9\",\"targetVersion\":\"../x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.valueScore").exists())
                .andExpect(jsonPath("$.errors.targetVersion").exists());
        assertThat(detail("zhouba", id).get("demand").get("state").asText()).isEqualTo("EVALUATION");
    }

    @Test
    void attachmentsAreCheckedByContentAndSize() throws Exception {
        var exe = new MockMultipartFile("files", "report.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        String page = mvc.perform(MockMvcRequestBuilders.multipart("/demand").file(exe)
                        .param("title", "附件测试").param("description", "说明").param("category", "FEATURE")
                        .param("urgency", "NORMAL").with(user("zhangsan"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"form-errors\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand WHERE title = '附件测试'", Integer.class)).isZero();

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        mvc.perform(MockMvcRequestBuilders.multipart("/demand").file(new MockMultipartFile("files", "big.pdf", "application/pdf", big))
                        .param("title", "附件测试").param("description", "说明").param("category", "FEATURE")
                        .param("urgency", "NORMAL").with(user("zhangsan"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand WHERE title = '附件测试'", Integer.class)).isZero();

        var pdf = new MockMultipartFile("files", "spec.pdf", "application/pdf", "%PDF-1.4 ok".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(MockMvcRequestBuilders.multipart("/demand").file(pdf)
                        .param("title", "附件测试").param("description", "说明").param("category", "FEATURE")
                        .param("urgency", "NORMAL").with(user("zhangsan"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM cf_demand WHERE title = '附件测试'", Long.class);
        String caseId = jdbc.queryForObject("SELECT process_instance_id FROM cf_demand WHERE id = ?", String.class, id);
        assertThat(work.attachments(directory.requireMember("zhouba"), caseId)).extracting(a -> a.name()).containsExactly("spec.pdf");
    }

    @Test
    void anotherModuleRaisesADemandWithItsOrigin() throws Exception {
        var ref = intake.raise(directory.requireMember("hegui"), new NewDemand("落实新规报送", "监管新规要求", "REGULATORY",
                null, "HIGH", true, "证监会公告〔2026〕1号", null, new NewDemand.Origin("regtech", "assessment/42")));
        assertThat(ref.state()).isEqualTo(DemandState.SUBMITTED);
        assertThat(intake.find(ref.id())).get().extracting(r -> r.originReference()).isEqualTo("assessment/42");
        assertThat(inbox("zhouba")).contains("DEM-" + ref.id() + ":accept");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.raise(directory.requireMember("hegui"),
                new NewDemand("", "", "REGULATORY", null, "HIGH", false, null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void pagesRenderForEveryRole() throws Exception {
        long id = submit("zhangsan", false);
        for (String user : List.of("zhangsan", "zhouba", "hegui", "admin")) {
            for (String path : List.of("/demand", "/demand/new", "/demand/board", "/demand/versions", "/demand/stats",
                    "/demand/" + id)) {
                if (path.equals("/demand/" + id) && user.equals("wangwu")) {
                    continue;
                }
                String html = mvc.perform(get(path).with(user(user))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(html).as(user + " " + path).doesNotContain("??");
            }
        }
        String en = mvc.perform(get("/demand/board").param("lang", "en").with(user("zhouba")))
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Awaiting triage");
        mvc.perform(get("/demand/" + id).with(user("wangwu"))).andExpect(status().isForbidden());
        // bad page parameters answer a 400 page that says which, not a 500
        String negative = mvc.perform(get("/demand/board").param("page", "-1").with(user("zhouba")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(negative).contains("请求参数不正确").contains("id=\"error-details\"");
        String tooLong = mvc.perform(get("/demand/board").param("q", "x".repeat(201)).with(user("zhouba")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("q: 不能超过 200 个字符。").doesNotContain("demand.error");
        String tooLongEn = mvc.perform(get("/demand/board").param("q", "x".repeat(201)).param("lang", "en").with(user("zhouba")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(tooLongEn).contains("q: at most 200 characters");
    }
}
