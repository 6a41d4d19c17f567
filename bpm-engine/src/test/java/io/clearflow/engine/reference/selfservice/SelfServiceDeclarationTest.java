package io.clearflow.engine.reference.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The self-service reference process over its REST API. Bad inputs tried: a 5-digit and a lettered
 * security code, a quantity of 0, -100, 150 and 1e3, an amount with 3 decimals, a date 2025-02-30
 * and 2025/01/01, an unknown kind, a 6-digit phone, missing fields, and a declaration by someone
 * who is not a participant. Nothing of a refused submission is stored or started.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SelfServiceDeclarationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrgDirectory directory;
    @Autowired WorkService work;
    @Autowired TaskForms taskForms;
    @Autowired EventLogService eventLog;

    static Map<String, Object> declaration(String code, String amount) {
        Map<String, Object> v = new HashMap<>();
        v.put("kind", "PUTBACK");
        v.put("securityCode", code);
        v.put("quantity", 1000);
        v.put("amount", amount);
        v.put("declareDate", LocalDate.now().toString());
        v.put("contactName", "李经理");
        v.put("contactPhone", "021-58708888");
        return v;
    }

    private String submit(String user, Map<String, Object> body, int expected) throws Exception {
        return mvc.perform(post("/api/selfservice/declarations").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private long declarations() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_declaration", Long.class);
    }

    @Test
    void badDeclarationsAreRefusedInstantlyWithFieldErrorsAndNothingIsStored() throws Exception {
        long before = declarations();
        Map<String, Object> bad = declaration("11005", "100.001");
        bad.put("quantity", 150);
        bad.put("declareDate", "2025-02-30");
        bad.put("kind", "SELL");
        bad.put("contactPhone", "123456");
        bad.remove("contactName");
        String problem = submit("issuer01", bad, 400);
        assertThat(JsonPath.<Map<String, String>>read(problem, "$.errors")).containsOnlyKeys("kind", "securityCode",
                "quantity", "amount", "declareDate", "contactName", "contactPhone");
        assertThat(JsonPath.<String>read(problem, "$.errors.quantity")).isEqualTo("须为 100 的整数倍");
        for (Object quantity : List.of(0, -100, "1e3", "abc")) {
            Map<String, Object> q = declaration("110059", "100");
            q.put("quantity", quantity);
            assertThat(JsonPath.<Map<String, String>>read(submit("issuer01", q, 400), "$.errors")).containsOnlyKeys("quantity");
        }
        Map<String, Object> slashes = declaration("ABCDEF", "100");
        slashes.put("declareDate", "2025/01/01");
        assertThat(JsonPath.<Map<String, String>>read(submit("issuer01", slashes, 400), "$.errors"))
                .containsOnlyKeys("securityCode", "declareDate");
        // English callers get English texts from the same rules
        mvc.perform(post("/api/selfservice/declarations").with(httpBasic("issuer01", "demo")).header("Accept-Language", "en")
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.securityCode").value("Required"));
        // internal staff cannot declare
        submit("wangwu", declaration("110059", "100"), 403);
        assertThat(declarations()).isEqualTo(before);
    }

    @Test
    void aDeclarationInsideTheRulesIsApprovedAutomaticallyAtOnce() throws Exception {
        String created = submit("issuer01", declaration("110059", "100000.00"), 201);
        assertThat(JsonPath.<String>read(created, "$.status")).isEqualTo("AUTO_APPROVED");
        assertThat(JsonPath.<String>read(created, "$.statusLabel")).isEqualTo("已受理·自动通过");
        String caseId = JsonPath.read(created, "$.caseId");
        Member issuer = directory.requireMember("issuer01");
        assertThat(work.caseOf(issuer, caseId).state()).isEqualTo("completed");
        assertThat(work.caseOf(issuer, caseId).endActivityId()).isEqualTo("autoApproved");
        // no person touched it: the event log has no task at all for the case
        assertThat(eventLog.find(directory.requireMember("admin"), EventLogFilter.none().withCaseId(caseId), 0, 100)
                .content()).noneMatch(e -> "task".equals(e.scope().value())).anyMatch(e -> "autoCheck".equals(e.activityId()));
    }

    @Test
    void aDeclarationOutsideTheRulesGoesToRegistryReviewAndTheDeclarantFollowsItsStatus() throws Exception {
        Map<String, Object> big = declaration("113050", "5000000.00");
        String created = submit("issuer01", big, 201);
        assertThat(JsonPath.<String>read(created, "$.status")).isEqualTo("IN_REVIEW");
        assertThat(JsonPath.<List<String>>read(created, "$.reasons")).containsExactly("OVER_LIMIT");
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String caseId = JsonPath.read(created, "$.caseId");
        Map<String, Object> closed = declaration("113021", "100.00");
        assertThat(JsonPath.<List<String>>read(submit("issuer01", closed, 201), "$.reasons")).containsExactly("OUTSIDE_WINDOW");
        assertThat(JsonPath.<List<String>>read(submit("issuer01", declaration("999999", "100.00"), 201), "$.reasons"))
                .containsExactly("UNKNOWN_SECURITY");
        Map<String, Object> asJsonNumber = declaration("110059", null);
        asJsonNumber.put("amount", 12000000.0); // a JSON number Jackson reads as 1.2E7
        assertThat(JsonPath.<List<String>>read(submit("issuer01", asJsonNumber, 201), "$.reasons")).containsExactly("OVER_LIMIT");

        Member lisi = directory.requireMember("lisi");
        var review = work.inbox(lisi, 0, 200).stream().filter(t -> caseId.equals(t.caseId())).findFirst().orElseThrow();
        assertThat(review.due()).isNotNull();
        assertThat(work.inbox(directory.requireMember("wangwu"), 0, 200)).noneMatch(t -> caseId.equals(t.caseId()));
        taskForms.complete(lisi, review.id(), Map.of("approved", "true", "comment", "大额申报已电话核实"));

        mvc.perform(get("/api/selfservice/declarations/" + id).with(httpBasic("issuer01", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.handledBy").value("lisi"));
        mvc.perform(get("/api/selfservice/declarations").with(httpBasic("issuer01", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("APPROVED"));
    }

    @Test
    void participantsSeeOnlyTheirOwnDeclarations() throws Exception {
        if (directory.member("issuer02").isEmpty()) {
            directory.seedUser("issuer02", "另一发行人", "dept-external", List.of("role-participant"), "demo");
        }
        String mine = submit("issuer01", declaration("110059", "10.00"), 201);
        long id = ((Number) JsonPath.read(mine, "$.id")).longValue();
        String theirs = mvc.perform(get("/api/selfservice/declarations").with(httpBasic("issuer02", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(theirs, "$[*].declarant")).doesNotContain("issuer01");
        mvc.perform(get("/api/selfservice/declarations/" + id).with(httpBasic("issuer02", "demo")))
                .andExpect(status().isNotFound());
        // registry staff see everyone's
        mvc.perform(get("/api/selfservice/declarations/" + id).with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isOk());
    }

    @Test
    void theRulesAreServedAsTheSameDefinitionTheServerChecks() throws Exception {
        mvc.perform(get("/api/selfservice/rules").with(httpBasic("issuer01", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form.key").value("selfservice-declaration"))
                .andExpect(jsonPath("$.form.fields[?(@.key == 'quantity')].step").value(100))
                .andExpect(jsonPath("$.form.fields[?(@.key == 'securityCode')].pattern").value("\\d{6}"))
                .andExpect(jsonPath("$.form.messages.step").value("须为 {0} 的整数倍"))
                .andExpect(jsonPath("$.autoApproveLimit").value(1000000))
                .andExpect(jsonPath("$.securities[?(@.code == '110059')].name").value("浦发转债"));
    }

    @Test
    void aDeclarantWithdrawsADeclarationNobodyHasTakenUp() throws Exception {
        String created = submit("issuer01", declaration("999998", "1.00"), 201);
        String caseId = JsonPath.read(created, "$.caseId");
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/processes/" + caseId + "/withdraw").with(httpBasic("issuer01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"代码填错\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/selfservice/declarations/" + id).with(httpBasic("issuer01", "demo")))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    }
}
