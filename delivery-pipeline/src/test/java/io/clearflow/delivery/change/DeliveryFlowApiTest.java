package io.clearflow.delivery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test submission and change through the REST API with the demo organisation: wujiu develops and submits,
 * zhengshi tests, chenqc, linops and zhouba approve. Reports go into test-metrics through its own API, so the
 * gates read real evidence. Separation of duties is checked on the change API and on the engine's own path.
 */
/**
 * Test submission and change through the REST API with the demo organisation: wujiu develops and submits,
 * zhengshi tests, chenqc, linops and zhouba approve. Reports go into test-metrics through its own API, so the
 * gates read real evidence. Separation of duties is checked on the change API and on the engine's own path.
 */
public class DeliveryFlowApiTest extends DeliveryFlowSupport {

    @Test
    void theWholeFlowFromSubmissionToClosedChange() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);

        JsonNode created = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated()));
        long submission = created.get("id").asLong();
        assertThat(created.at("/gate/passed").asBoolean()).isTrue();
        assertThat(created.at("/gate/results")).hasSize(3);
        assertThat(created.at("/gate/results/1/rule").asText()).isEqualTo("PASS_RATE = 100");
        assertThat(created.at("/gate/results/1/actual").decimalValue()).isEqualByComparingTo("100");
        assertThat(created.at("/gate/results/1/threshold").decimalValue()).isEqualByComparingTo("100");
        // the entry gate promoted the artifact to test, naming the evaluation
        assertThat(stage(s.artifactId())).isEqualTo("test");
        assertThat(jdbc.queryForObject("SELECT gate_reference FROM del_promotion WHERE artifact_id = ? AND to_stage = 'test'",
                String.class, s.artifactId())).startsWith("submission/" + submission + "/entry#").endsWith("PASS");
        assertThat(inbox("zhengshi")).contains("TS-" + submission + ":accept");

        // a developer cannot accept; the tester can, and the test step waits in the tester's own inbox
        postJson("wujiu", "/api/delivery/test-submissions/" + submission + "/accept", "").andExpect(status().isForbidden());
        postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/accept", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_TEST"));
        assertThat(inbox("zhengshi")).contains("TS-" + submission + ":test");

        // a change needs a submission that passed exit
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"tonight","rollbackPlan":"redeploy"}""".formatted(submission))
                .andExpect(status().isConflict());

        JsonNode exit = read(postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/complete",
                "{\"passed\":true,\"comment\":\"回归通过\"}").andExpect(status().isOk()));
        assertThat(exit.at("/gate/passed").asBoolean()).isTrue();
        assertThat(exit.at("/gate/results/0/rule").asText()).isEqualTo("TESTER_VERDICT = passed");
        assertThat(exit.at("/gate/results/1/rule").asText()).isEqualTo("OPEN_MAJOR_DEFECTS = 0");

        // QC reviews after the passed exit: until then no change, and the artifact stays in test
        mvc.perform(get("/api/delivery/test-submissions/" + submission).with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$.submission.state").value("QC_REVIEW"));
        assertThat(stage(s.artifactId())).isEqualTo("test");
        assertThat(inbox("chenqc")).contains("TS-" + submission + ":qcReview");
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"tonight","rollbackPlan":"redeploy"}""".formatted(submission))
                .andExpect(status().isConflict());
        // only QC reviews; the submitter, developers and the tester are refused by the rule, also on the engine's path
        postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/qc-review", "{\"approved\":true}")
                .andExpect(status().isForbidden());
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> submissionService.qcReview(
                directory.requireMember("wujiu"), submission, true, null));
        assertThat(refused).isInstanceOf(org.springframework.security.access.AccessDeniedException.class)
                .hasMessage("delivery.submission.qc.sod.submitter");
        String qcTask = engineTasks.createTaskQuery().processInstanceBusinessKey("TS-" + submission).taskDefinitionKey("qcReview")
                .singleResult().getId();
        var engineRefused = org.assertj.core.api.Assertions.catchThrowable(() -> asUser("zhengshi", () -> {
            engineTasks.setVariable(qcTask, "qcApproved", true);
            engineTasks.complete(qcTask);
        }));
        assertThat(engineRefused).isNotNull();
        assertThat(engineTasks.createTaskQuery().taskId(qcTask).count()).isEqualTo(1);
        // sending back needs a reason and returns the submission to its tester; the next pass comes back to QC
        postJson("chenqc", "/api/delivery/test-submissions/" + submission + "/qc-review", "{\"approved\":false}")
                .andExpect(status().isBadRequest());
        postJson("chenqc", "/api/delivery/test-submissions/" + submission + "/qc-review", "{\"approved\":\"yes\"}")
                .andExpect(status().isBadRequest());
        postJson("chenqc", "/api/delivery/test-submissions/" + submission + "/qc-review",
                "{\"approved\":false,\"reason\":\"缺少性能测试记录\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_TEST"))
                .andExpect(jsonPath("$.qcComment").value("缺少性能测试记录"));
        assertThat(inbox("zhengshi")).contains("TS-" + submission + ":test");
        postJson("zhengshi", "/api/delivery/test-submissions/" + submission + "/complete",
                "{\"passed\":true,\"comment\":\"补充性能测试\"}").andExpect(status().isOk());
        postJson("chenqc", "/api/delivery/test-submissions/" + submission + "/qc-review", "{\"approved\":true,\"reason\":\"合格\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PASSED"))
                .andExpect(jsonPath("$.qcReviewer").value("chenqc"));
        assertThat(stage(s.artifactId())).isEqualTo("staging");
        assertThat(timelineKinds(s.versionId())).contains("submission.qcSentBack", "submission.qcApproved");

        JsonNode change = read(postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"medium","window":"2026-12-12 22:00-23:30",
                 "rollbackPlan":"redeploy the previous artifact","affectedSystems":["clearing"],
                 "deploymentSteps":"stop, copy, start","firstCommitAt":"2026-12-01T08:00:00Z"}""".formatted(submission))
                .andExpect(status().isCreated()));
        long id = change.get("id").asLong();
        assertThat(change.get("state").asText()).isEqualTo("APPROVING");
        String key = change.get("key").asText();
        assertThat(key).matches("CHG-\\d{4}-\\d{6}").endsWith(String.format("%06d", id));
        assertThat(inbox("chenqc")).contains(key + ":approveQc");
        assertThat(inbox("linops")).contains(key + ":approveOps");
        assertThat(inbox("zhouba")).contains(key + ":approveItManager");
        assertThat(inbox("hegui")).noneMatch(t -> t.startsWith(key));

        // separation of duties on the API: the submitter and developer is refused with the rule
        read(postJson("wujiu", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"ok\"}")
                .andExpect(status().isForbidden()));
        mvc.perform(post("/api/delivery/changes/" + id + "/approve").param("lang", "en").with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Separation of duties: the submitter of a change cannot approve it"));
        // not deployable before its approvals; a tester may not deploy at all
        postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isConflict());
        postJson("zhengshi", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isForbidden());

        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"质量合格\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVING"));
        // the same approver twice
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isForbidden());

        // the engine's own path: completing the ops step as the submitter fails in the engine, nothing moves
        Task opsStep = engineTasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("approveOps").singleResult();
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> asUser("wujiu",
                () -> engineTasks.complete(opsStep.getId(), java.util.Map.of("approved", true)))))
                .hasMessageContaining("delivery.change.sod.submitter");
        // ... and as the QC who already approved, even if the step were handed to them
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> {
            engineTasks.setAssignee(opsStep.getId(), "chenqc");
            engineTasks.complete(opsStep.getId(), java.util.Map.of("approved", true));
        })).hasMessageContaining("delivery.change.sod.");
        assertThat(engineTasks.createTaskQuery().taskId(opsStep.getId()).singleResult().getAssignee()).isNull();
        // the generic task API does not move a change's step at all
        postJson("linops", "/api/tasks/" + opsStep.getId() + "/complete", "{\"variables\":{\"approved\":true}}")
                .andExpect(status().isConflict());

        postJson("linops", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isOk());
        postJson("zhouba", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"同意上线\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.approvalsComplete").value(true));
        assertThat(jdbc.queryForList("SELECT approver FROM del_change_approval WHERE change_id = ? ORDER BY id", String.class, id))
                .containsExactly("chenqc", "linops", "zhouba");
        // nothing to verify before a deployment
        postJson("linops", "/api/delivery/changes/" + id + "/close", "{}").andExpect(status().isConflict());

        JsonNode deploying = read(postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isAccepted()));
        long deploymentId = deploying.get("deploymentId").asLong();
        // the approved change promoted the artifact to production, naming itself
        assertThat(stage(s.artifactId())).isEqualTo("production");
        assertThat(jdbc.queryForObject("SELECT gate_reference FROM del_promotion WHERE artifact_id = ? AND to_stage = 'production'",
                String.class, s.artifactId())).isEqualTo("change/" + key + "/approved");
        mvc.perform(get("/api/delivery/deployments/" + deploymentId).with(httpBasic("linops", "demo")))
                .andExpect(jsonPath("$.environment").value("production"))
                .andExpect(jsonPath("$.artifactSha256").value(artifacts.find(s.artifactId()).orElseThrow().sha256()));
        assertThat(deploymentService.require(deploymentId).changeId()).isEqualTo(id);
        // deployed once: a second deployment of the same change is refused
        postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isConflict());

        assertThat(finished(deploymentId).state()).isEqualTo("succeeded");
        awaitState(id, "DEPLOYED");
        mvc.perform(get("/api/delivery/changes/" + id).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.change.state").value("DEPLOYED"));
        // DORA: the change with its first commit and the deployment that shipped it
        assertThat(jdbc.queryForObject("SELECT deployment_key FROM tm_change WHERE change_key = ?", String.class, key))
                .isEqualTo(String.valueOf(deploymentId));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tm_change WHERE change_key = ? AND first_commit_at IS NOT NULL",
                Integer.class, key)).isEqualTo(1);

        postJson("chenqc", "/api/delivery/changes/" + id + "/close", "{}").andExpect(status().isForbidden());
        postJson("linops", "/api/delivery/changes/" + id + "/close", "{\"comment\":\"生产验证正常\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED"));
        assertThat(timelineKinds(s.versionId())).containsSubsequence("submission.submitted", "submission.accepted",
                "submission.passed", "change.raised", "change.approved", "change.approved", "change.approved",
                "change.deploying", "change.deployed", "change.closed");

        // the audit export: one HTML file with every approval, gate rule, the digest and the deployment
        var audit = mvc.perform(get("/api/delivery/changes/" + id + "/audit").with(httpBasic("hegui", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(audit.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"" + key + "-audit.html\"");
        assertThat(audit.getContentType()).startsWith("text/html");
        String html = audit.getContentAsString();
        assertThat(html).contains("变更审计记录 " + key, "陈质控", "林运维", "周八", "质量合格", "同意上线", "生产验证正常",
                "PASS_RATE = 100", "OPEN_MAJOR_DEFECTS = 0", "TESTER_VERDICT = passed", "回归通过",
                artifacts.find(s.artifactId()).orElseThrow().sha256(), String.valueOf(deploymentId), "测试受理", "质控审批",
                "IT 管理审批", "succeeded");
        String english = mvc.perform(get("/api/delivery/changes/" + id + "/audit").param("lang", "en")
                .with(httpBasic("zhouba", "demo"))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Change audit record " + key, "Approvals", "Exit criteria", "Rollback plan");
        mvc.perform(get("/api/delivery/changes/" + id + "/audit").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/changes/987654321/audit").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFailingEntryGateAnswers422WithEveryRuleAndCreatesNothing() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", FAILING_JUNIT);
        JsonNode problem = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isUnprocessableEntity()));
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.at("/gate/passed").asBoolean()).isFalse();
        JsonNode rules = problem.at("/gate/results");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0).get("rule").asText()).isEqualTo("TESTS_EXECUTED > 0");
        assertThat(rules.get(0).get("passed").asBoolean()).isTrue();
        assertThat(rules.get(1).get("passed").asBoolean()).isFalse();
        assertThat(rules.get(1).get("actual").decimalValue()).isEqualByComparingTo("50");
        assertThat(rules.get(1).get("threshold").decimalValue()).isEqualByComparingTo("100");
        // no SARIF report: the finding rule fails for missing evidence
        assertThat(rules.get(2).get("passed").asBoolean()).isFalse();
        assertThat(rules.get(2).get("actual").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_test_submission WHERE version_id = ?", Integer.class,
                s.versionId())).isZero();
        assertThat(stage(s.artifactId())).isEqualTo("built");
        assertThat(timelineKinds(s.versionId())).containsSubsequence("version.created", "artifact.uploaded", "submission.refused")
                .doesNotContain("submission.submitted");

        // a version test-metrics has never heard of fails for missing evidence too
        Setup none = version(false);
        postJson("wujiu", "/api/delivery/versions/" + none.versionId() + "/test-submissions",
                "{\"artifactId\":" + none.artifactId() + "}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.gate.results[0].rule").value("EVIDENCE"));
    }

    @Test
    void sendBackResubmitAndWithdraw() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);
        long id = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated())).get("id").asLong();
        // one open submission per artifact
        postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isConflict());

        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/send-back", "{\"reason\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/send-back", "{\"reason\":\"缺少自测报告说明\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SENT_BACK"))
                .andExpect(jsonPath("$.sendBackReason").value("缺少自测报告说明"));
        assertThat(inbox("wujiu")).contains("TS-" + id + ":rework");
        assertThat(inbox("zhengshi")).doesNotContain("TS-" + id + ":accept");

        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/resubmit", "").andExpect(status().isForbidden());
        postJson("wujiu", "/api/delivery/test-submissions/" + id + "/resubmit", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SUBMITTED"));
        assertThat(inbox("zhengshi")).contains("TS-" + id + ":accept");

        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/withdraw", "{\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        postJson("wujiu", "/api/delivery/test-submissions/" + id + "/withdraw", "{}").andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/test-submissions/" + id + "/withdraw", "{\"reason\":\"换新制品\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WITHDRAWN"));
        assertThat(inbox("zhengshi")).doesNotContain("TS-" + id + ":accept");
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/accept", "").andExpect(status().isConflict());
        assertThat(jdbc.queryForList("SELECT kind FROM del_gate_evaluation WHERE submission_id = ? ORDER BY id", String.class, id))
                .containsExactly("entry", "entry");
    }

    @Test
    void aFailedExitEndsTheSubmissionAndNoChangeCanBeRaised() throws Exception {
        Setup s = version(false);
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);
        long id = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated())).get("id").asLong();
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/accept", "").andExpect(status().isOk());
        JsonNode gate = read(postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/complete",
                "{\"passed\":false,\"comment\":\"下单超时\"}").andExpect(status().isOk())).get("gate");
        assertThat(gate.get("passed").asBoolean()).isFalse();
        assertThat(gate.at("/results/0/passed").asBoolean()).isFalse();
        assertThat(stage(s.artifactId())).isEqualTo("test");
        mvc.perform(get("/api/delivery/test-submissions/" + id).with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$.submission.state").value("FAILED")).andExpect(jsonPath("$.gates.length()").value(2));
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"tonight","rollbackPlan":"redeploy"}""".formatted(id))
                .andExpect(status().isConflict());
    }

    @Test
    void anEmergencyChangeDeploysAfterOneApprovalAndStaysRedUntilTheOthers() throws Exception {
        Setup s = version(false);
        long id = raise(passedSubmission(s), ",\"emergency\":true");
        String key = read(mvc.perform(get("/api/delivery/changes/" + id).with(httpBasic("linops", "demo")))).at("/change/key").asText();
        assertThat(inbox("linops")).contains(key + ":emergencyApproval");
        assertThat(inbox("zhouba")).contains(key + ":emergencyApproval");
        // QC's approval comes afterwards, not first
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isConflict());

        postJson("linops", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"故障修复，先上\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.alarming").value(true));
        JsonNode detail = read(mvc.perform(get("/api/delivery/changes/" + id).with(httpBasic("zhouba", "demo"))));
        assertThat(detail.get("pendingRoles")).extracting(JsonNode::asText).containsExactly("QC", "IT_MANAGER");
        assertThat(detail.get("mayDecide").asBoolean()).isTrue();

        long deploymentId = read(postJson("linops", "/api/delivery/changes/" + id + "/deploy", "")
                .andExpect(status().isAccepted())).get("deploymentId").asLong();
        assertThat(finished(deploymentId).state()).isEqualTo("succeeded");
        awaitState(id, "DEPLOYED");
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.alarming").value(true));
        postJson("zhouba", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DEPLOYED"))
                .andExpect(jsonPath("$.alarming").value(false)).andExpect(jsonPath("$.approvalsComplete").value(true));
        assertThat(jdbc.queryForList("SELECT after_deploy FROM del_change_approval WHERE change_id = ? ORDER BY id",
                Boolean.class, id)).containsExactly(false, true, true);
    }

    @Test
    void aFailedProductionDeploymentMarksTheChangeFailed() throws Exception {
        Setup s = version(false, "broken-app.jar"); // the production health check fails it
        long id = raise(passedSubmission(s), "");
        for (String approver : List.of("chenqc", "linops", "zhouba")) {
            postJson(approver, "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isOk());
        }
        long deploymentId = read(postJson("linops", "/api/delivery/changes/" + id + "/deploy", "")
                .andExpect(status().isAccepted())).get("deploymentId").asLong();
        assertThat(finished(deploymentId).state()).isEqualTo("failed");
        awaitState(id, "FAILED");
        postJson("linops", "/api/delivery/changes/" + id + "/close", "{}").andExpect(status().isConflict());
        assertThat(timelineKinds(s.versionId())).contains("change.failed");
        String audit = mvc.perform(get("/api/delivery/changes/" + id + "/audit").param("lang", "en")
                .with(httpBasic("chenqc", "demo"))).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("health check failed", "failed");
    }

    @Test
    void criticalAndComplianceRelevantChangesNeedComplianceAndARejectionNeedsAReason() throws Exception {
        Setup s = version(true);
        long id = raise(passedSubmission(s), ",\"complianceRelevant\":true");
        JsonNode detail = read(mvc.perform(get("/api/delivery/changes/" + id).with(httpBasic("hegui", "demo"))));
        assertThat(detail.at("/change/requiredRoles")).extracting(JsonNode::asText)
                .containsExactly("QC", "OPS", "IT_MANAGER", "COMPLIANCE");
        String key = detail.at("/change/key").asText();
        assertThat(inbox("hegui")).contains(key + ":approveCompliance");

        postJson("hegui", "/api/delivery/changes/" + id + "/reject", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        postJson("hegui", "/api/delivery/changes/" + id + "/reject", "{\"reason\":\"缺少数据迁移合规评估\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REJECTED"));
        assertThat(inbox("chenqc")).noneMatch(t -> t.startsWith(key));
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{}").andExpect(status().isConflict());
        postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isConflict());
    }

    @Test
    void wrongRolesUnknownIdsAndBadInputChangeNothing() throws Exception {
        Setup s = version(false);
        String submit = "/api/delivery/versions/" + s.versionId() + "/test-submissions";
        postJson("zhengshi", submit, "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isForbidden());
        postJson("zhangsan", submit, "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/test-submissions")).andExpect(status().isUnauthorized());
        postJson("wujiu", "/api/delivery/versions/987654321/test-submissions", "{\"artifactId\":" + s.artifactId() + "}")
                .andExpect(status().isNotFound());
        postJson("wujiu", submit, "{\"artifactId\":987654321}").andExpect(status().isNotFound());
        postJson("wujiu", submit, "{\"artifactId\":\"abc\"}").andExpect(status().isBadRequest());
        postJson("wujiu", submit, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.artifactId").exists());
        postJson("wujiu", submit, "{\"artifactId\":-3}").andExpect(status().isBadRequest());
        Setup other = version(false);
        postJson("wujiu", submit, "{\"artifactId\":" + other.artifactId() + "}").andExpect(status().isBadRequest());
        postJson("zhengshi", "/api/delivery/test-submissions/987654321/complete", "{\"passed\":true}")
                .andExpect(status().isNotFound());
        postJson("zhengshi", "/api/delivery/test-submissions/1/complete", "{\"passed\":\"maybe\"}")
                .andExpect(status().isBadRequest());
        postJson("chenqc", "/api/delivery/changes/987654321/approve", "{}").andExpect(status().isNotFound());
        postJson("linops", "/api/delivery/changes/987654321/deploy", "").andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/changes/987654321").with(httpBasic("zhouba", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/changes").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        postJson("hegui", "/api/delivery/changes", "{\"testSubmissionId\":1,\"risk\":\"low\",\"window\":\"w\",\"rollbackPlan\":\"r\"}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_test_submission WHERE version_id = ?", Integer.class,
                s.versionId())).isZero();

        long passed = passedSubmission(s);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM del_change", Integer.class);
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"extreme","window":"w","rollbackPlan":"r"}""".formatted(passed))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.risk").exists());
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"w"}""".formatted(passed))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.rollbackPlan").exists());
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"w","rollbackPlan":"r","affectedSystems":["<script>alert(1)</script>"]}"""
                .formatted(passed)).andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"%s","rollbackPlan":"r"}""".formatted(passed, "x".repeat(201)))
                .andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":"1 OR 1=1","risk":"low","window":"w","rollbackPlan":"r"}""")
                .andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/changes", "{\"testSubmissionId\":987654321,\"risk\":\"low\",\"window\":\"w\",\"rollbackPlan\":\"r\"}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change", Integer.class)).isEqualTo(before);

        // injection strings are stored as text, not run
        String injection = "'; DROP TABLE del_change; --";
        long id = raise(passed, ",\"deploymentSteps\":\"" + injection + "\"");
        mvc.perform(get("/api/delivery/changes/" + id).with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$.change.deploymentSteps").value(injection));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change", Integer.class)).isEqualTo(before + 1);
        // an oversized comment or a wrong type is refused before anything is decided
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.comment").exists());
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":{\"a\":1}}")
                .andExpect(status().isBadRequest());
        postJson("chenqc", "/api/delivery/changes/abc/approve", "{}").andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change_approval WHERE change_id = ?", Integer.class, id)).isZero();
        // one open change per submission
        postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"low","window":"w","rollbackPlan":"r"}""".formatted(passed))
                .andExpect(status().isConflict());
    }

    @Autowired io.clearflow.delivery.submission.SubmissionService submissionService;
    @Autowired ChangeService changeService;

    /**
     * The issue's figure: a whole flow (submission → exit → change → 3 approvals → deployment → closed) through the
     * service layer, reports uploaded beforehand. Timed on the second run (the first warms the engine's caches);
     * the time is printed for the report, the test asserts the flow's end state.
     */
    @Test
    void theWholeFlowThroughTheServiceLayer() throws Exception {
        long elapsed = 0;
        for (int run = 0; run < 2; run++) {
            Setup s = version(false);
            upload(s, "TEST-order.xml", PASSING_JUNIT);
            upload(s, "scan.sarif", CLEAN_SARIF);
            long start = System.nanoTime();
            var wujiu = directory.requireMember("wujiu");
            var zhengshi = directory.requireMember("zhengshi");
            var linops = directory.requireMember("linops");
            long submission = submissionService.submit(wujiu, s.versionId(), s.artifactId()).submission().id();
            submissionService.accept(zhengshi, submission);
            assertThat(submissionService.complete(zhengshi, submission, true, null).passed()).isTrue();
            submissionService.qcReview(directory.requireMember("chenqc"), submission, true, null);
            Change change = changeService.raise(wujiu, new NewChange(submission, "low", "now", "redeploy", List.of(), null,
                    false, false, null));
            for (String approver : List.of("chenqc", "linops", "zhouba")) {
                changeService.approve(directory.requireMember(approver), change.id(), null);
            }
            long deployment = changeService.deploy(linops, change.id());
            finished(deployment);
            awaitState(change.id(), "DEPLOYED");
            assertThat(changeService.close(linops, change.id(), null).state()).isEqualTo(ChangeState.CLOSED);
            elapsed = System.nanoTime() - start;
        }
        System.out.printf("delivery flow through the service layer: %.0f ms%n", elapsed / 1e6);
    }
}
