package io.clearflow.engine.reference.electronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The electronic-mode reference process, put-back registration, end to end: the issuer submits,
 * 登记托管部 reviews, 清算交收部 sends it back once and then reviews, the process owner signs off.
 * Bad inputs tried: a 5-digit and a lettered security code, a price of 0 and of 0.001, registration
 * closing before it opens, payment not after closing, a wrong phone, a start by a department that
 * may not start it, a reviewer reviewing their own submission, one person taking two steps.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PutbackRegistrationTest {

    @Autowired PutbackService putbacks;
    @Autowired TaskForms taskForms;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogService eventLog;
    @Autowired RuntimeService runtime;
    @Autowired MockMvc mvc;

    Member m(String id) {
        return directory.requireMember(id);
    }

    static Map<String, Object> registration() {
        LocalDate start = LocalDate.now().plusDays(10);
        Map<String, Object> v = new HashMap<>();
        v.put("issuerName", "示例发行人股份有限公司");
        v.put("securityCode", "110059");
        v.put("securityName", "浦发转债");
        v.put("putbackPrice", "100.32");
        v.put("registrationStart", start.toString());
        v.put("registrationEnd", start.plusDays(4).toString());
        v.put("paymentDate", start.plusDays(9).toString());
        v.put("contactName", "王经理");
        v.put("contactPhone", "13800138000");
        return v;
    }

    private TaskView task(String caseId, Member who) {
        return work.inbox(who, 0, 200).stream().filter(t -> caseId.equals(t.caseId())).findFirst().orElseThrow();
    }

    private void decide(Member who, String caseId, boolean approved, String opinion) {
        taskForms.complete(who, task(caseId, who).id(), Map.of("approved", String.valueOf(approved), "comment", opinion));
    }

    private List<PlatformEvent> log(String caseId) {
        return eventLog.find(m("admin"), EventLogFilter.none().withCaseId(caseId), 0, 500).content();
    }

    @Test
    void reviewSecondReviewAndSignOffByThreeDepartmentsWithOneSendBack() {
        PutbackRegistration r = putbacks.submit(m("issuer01"), registration());
        String caseId = r.caseId();
        assertThat(r.status()).isEqualTo(PutbackRegistration.Status.IN_REVIEW);

        // the first review is due the day before registration opens (from the form), the others by BPMN durations
        TaskView registry = task(caseId, m("lisi"));
        assertThat(registry.activityId()).isEqualTo("registryReview");
        assertThat(registry.due()).isNotNull();
        assertThat(registry.due().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())
                .isEqualTo(r.registrationStart().minusDays(1));
        assertThat(work.inbox(m("wangwu"), 0, 200)).noneMatch(t -> caseId.equals(t.caseId()));

        decide(m("lisi"), caseId, true, "材料齐全");
        TaskView clearing = task(caseId, m("wangwu"));
        assertThat(clearing.activityId()).isEqualTo("clearingReview");
        assertThat(clearing.due()).isNotNull();

        work.sendBack(m("wangwu"), clearing.id(), "registryReview", "资金发放日与托管行确认不一致");
        decide(m("lisi"), caseId, true, "已与发行人核对发放日");
        decide(m("wangwu"), caseId, true, "复核通过");
        assertThat(work.inbox(m("sunqi"), 0, 200)).anyMatch(t -> caseId.equals(t.caseId()) && "signOff".equals(t.activityId()));
        decide(m("sunqi"), caseId, true, "同意签发");

        assertThat(work.caseOf(m("issuer01"), caseId).state()).isEqualTo("completed");
        assertThat(work.caseOf(m("issuer01"), caseId).endActivityId()).isEqualTo("registered");
        assertThat(putbacks.forCase(caseId).status()).isEqualTo(PutbackRegistration.Status.REGISTERED);
        assertThat(putbacks.reviews(r.id())).extracting(PutbackRegistration.Review::step, PutbackRegistration.Review::reviewer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("registryReview", "lisi"),
                        org.assertj.core.groups.Tuple.tuple("registryReview", "lisi"),
                        org.assertj.core.groups.Tuple.tuple("clearingReview", "wangwu"),
                        org.assertj.core.groups.Tuple.tuple("signOff", "sunqi"));
        // the process holds ids and routing facts only
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();

        var events = log(caseId);
        assertThat(events).filteredOn(e -> PlatformEvent.Lifecycle.SEND_BACK.equals(e.lifecycle())).singleElement()
                .satisfies(e -> {
                    assertThat(e.resource()).isEqualTo("wangwu");
                    assertThat(e.department()).isEqualTo("dept-clearing");
                    assertThat(e.attributes()).containsEntry("target", "registryReview");
                });
        assertThat(events).filteredOn(e -> "complete".equals(e.lifecycle()) && e.scope() == PlatformEvent.Scope.TASK)
                .extracting(PlatformEvent::activityId, PlatformEvent::department)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("registryReview", "dept-registry"),
                        org.assertj.core.groups.Tuple.tuple("registryReview", "dept-registry"),
                        org.assertj.core.groups.Tuple.tuple("clearingReview", "dept-clearing"),
                        org.assertj.core.groups.Tuple.tuple("signOff", "dept-operations"));
    }

    @Test
    void aRejectionEndsTheCaseAndTheRegistrationShowsRejected() {
        PutbackRegistration r = putbacks.submit(m("issuer01"), registration());
        decide(m("lisi"), r.caseId(), false, "缺少董事会决议");
        assertThat(work.caseOf(m("issuer01"), r.caseId()).endActivityId()).isEqualTo("rejected");
        assertThat(putbacks.forCase(r.caseId()).status()).isEqualTo(PutbackRegistration.Status.REJECTED);
    }

    @Test
    void fourEyesNobodyReviewsTheirOwnSubmissionOrTakesTwoSteps() {
        // registry staff entering a paper submission for the issuer cannot then review it themselves
        PutbackRegistration onBehalf = putbacks.submit(m("zhangsan"), registration());
        String taskId = task(onBehalf.caseId(), m("zhangsan")).id();
        assertThatThrownBy(() -> taskForms.complete(m("zhangsan"), taskId, Map.of("approved", "true", "comment", "自审")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(putbacks.reviews(onBehalf.id())).isEmpty();
        assertThat(task(onBehalf.caseId(), m("lisi")).assignee()).isNull(); // nothing claimed, nothing completed
        decide(m("lisi"), onBehalf.caseId(), true, "代录材料核对无误");
        assertThat(task(onBehalf.caseId(), m("wangwu")).activityId()).isEqualTo("clearingReview");
    }

    @Test
    void badRegistrationsAreRefusedFieldByFieldAndNothingStarts() throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(PutbackService.PROCESS_KEY).count();
        Map<String, Object> bad = registration();
        bad.put("securityCode", "11005");
        bad.put("putbackPrice", "0");
        bad.put("contactPhone", "12345");
        bad.remove("issuerName");
        assertThatThrownBy(() -> putbacks.submit(m("issuer01"), bad)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("issuerName", "securityCode", "putbackPrice", "contactPhone"));

        Map<String, Object> dates = registration();
        dates.put("registrationEnd", LocalDate.parse((String) dates.get("registrationStart")).minusDays(1).toString());
        dates.put("paymentDate", dates.get("registrationEnd"));
        dates.put("securityCode", "ABCDEF");
        dates.put("putbackPrice", "100.001");
        mvc.perform(post("/api/putback-registrations").with(httpBasic("issuer01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(dates)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.securityCode").value("证券代码为 6 位数字"))
                .andExpect(jsonPath("$.errors.putbackPrice").value("须为 0.01 的整数倍"));
        dates.put("securityCode", "110059");
        dates.put("putbackPrice", "100");
        mvc.perform(post("/api/putback-registrations").with(httpBasic("issuer01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(dates)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.registrationEnd").exists())
                .andExpect(jsonPath("$.errors.paymentDate").exists());
        // 清算交收部 may not start it (issuers and 登记托管部 may)
        mvc.perform(post("/api/putback-registrations").with(httpBasic("wangwu", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(registration())))
                .andExpect(status().isForbidden());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PutbackService.PROCESS_KEY).count())
                .isEqualTo(before);
    }

    @Test
    void overRestTheIssuerSubmitsAndFollowsItsCaseOthersCannot() throws Exception {
        String body = mvc.perform(post("/api/putback-registrations").with(httpBasic("issuer01", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(registration())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andReturn().getResponse().getContentAsString();
        String caseId = com.jayway.jsonpath.JsonPath.read(body, "$.caseId");
        mvc.perform(get("/api/putback-registrations/case/" + caseId).with(httpBasic("issuer01", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration.securityCode").value("110059"));
        mvc.perform(get("/api/putback-registrations/case/" + caseId).with(httpBasic("zhaoliu", "demo")))
                .andExpect(status().isNotFound());
        // the review task's form comes from its definition, and a bad decision is refused with field errors
        String taskId = task(caseId, m("lisi")).id();
        mvc.perform(get("/api/tasks/" + taskId + "/form").with(httpBasic("lisi", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.key").value("putback-review"))
                .andExpect(jsonPath("$.fields[0].key").value("approved"));
        mvc.perform(post("/api/tasks/" + taskId + "/form").with(httpBasic("lisi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"approved\":\"maybe\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.approved").exists()).andExpect(jsonPath("$.errors.comment").exists());
        assertThat(task(caseId, m("lisi")).id()).isEqualTo(taskId);
        mvc.perform(post("/api/tasks/" + taskId + "/form").with(httpBasic("lisi", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"approved\":\"true\",\"comment\":\"同意\"}}"))
                .andExpect(status().isNoContent());
        assertThat(task(caseId, m("wangwu")).activityId()).isEqualTo("clearingReview");
    }

    static String json(Map<String, Object> values) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
    }
}
