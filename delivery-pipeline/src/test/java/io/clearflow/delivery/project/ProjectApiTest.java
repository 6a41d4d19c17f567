package io.clearflow.delivery.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.delivery.change.DeliveryFlowSupport;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Projects over the API as the demo people play them: zhouba (IT manager) creates and runs the project, sunqi
 * (process owner) approves the initiation, chenqc (QC) reviews and passes the QC milestone, linops (ops) confirms
 * go-live once the linked version is in production, zhangsan (registry business staff) answers the survey. Bad input
 * and wrong roles change nothing; every stage change leaves a closed and an opened {@code del_project_stage} row.
 */
public class ProjectApiTest extends DeliveryFlowSupport {

    static final String CREATE = "/api/delivery/projects";

    @org.springframework.beans.factory.annotation.Autowired TestEvidence evidence;
    @org.springframework.beans.factory.annotation.Autowired DemandIntake demandIntake;

    @Test
    void createListAndReadWithBadInputRefused() throws Exception {
        long before = count("del_project");
        // bad input: 400 problem details, nothing stored
        postJson("zhouba", CREATE, "{\"name\":\"\",\"department\":\"dept-registry\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        postJson("zhouba", CREATE, "{\"name\":\"x\",\"department\":\"dept-nowhere\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.department").exists());
        postJson("zhouba", CREATE, "{\"name\":\"x\",\"department\":\"role-developer\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.department").exists());
        postJson("zhouba", CREATE, "{\"name\":\"x\",\"department\":\"dept-registry\",\"systems\":[\"ctrade\",\"nosuch\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.systems").exists());
        postJson("zhouba", CREATE, "{\"name\":\"x\",\"department\":\"dept-registry\",\"systems\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.systems").exists());
        postJson("zhouba", CREATE, "{\"name\":\"" + "长".repeat(201) + "\",\"department\":\"dept-registry\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        postJson("zhouba", CREATE, "{\"name\":{\"x\":1},\"department\":\"dept-registry\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isBadRequest());
        postJson("zhouba", CREATE, "{\"name\":\"x\",\"department\":\"dept-registry\",\"systems\":\"ctrade\"}")
                .andExpect(status().isBadRequest());
        // wrong roles: developers, business staff, external participants; a process owner for another department
        for (String user : List.of("wujiu", "zhangsan", "issuer01")) {
            postJson(user, CREATE, "{\"name\":\"x\",\"department\":\"dept-registry\",\"systems\":[\"ctrade\"]}")
                    .andExpect(status().isForbidden());
        }
        // the department rule reads as a sentence in the caller's language, not as its bundle key
        postJson("sunqi", CREATE, "{\"name\":\"x\",\"department\":\"dept-registry\",\"systems\":[\"ctrade\"]}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value("流程负责人只能为本部门创建项目"));
        assertThat(count("del_project")).isEqualTo(before);

        // an injection string is a name like any other: stored as given, the table untouched
        String name = "x'); DROP TABLE del_project;-- <script>alert(1)</script>";
        JsonNode created = read(postJson("zhouba", CREATE, "{\"name\":" + json.writeValueAsString(name)
                + ",\"department\":\"dept-registry\",\"systems\":[\"ctrade\",\"clearflow\",\"ctrade\"]}")
                .andExpect(status().isCreated()));
        assertThat(created.get("stage").asText()).isEqualTo("initiation");
        long id = created.get("id").asLong();
        // a retried create with the same idempotency key gets the first answer and creates nothing more
        String body = "{\"name\":\"重试的项目\",\"department\":\"dept-account\",\"systems\":[\"registry\"]}";
        var first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(CREATE)
                .with(httpBasic("zhouba", "demo")).header("Idempotency-Key", "prj-" + id).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long afterFirst = count("del_project");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(CREATE)
                .with(httpBasic("zhouba", "demo")).header("Idempotency-Key", "prj-" + id).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Idempotent-Replayed", "true"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json(first));
        assertThat(count("del_project")).isEqualTo(afterFirst);
        long own = read(postJson("sunqi", CREATE, "{\"name\":\"运营对账项目\",\"department\":\"dept-operations\","
                + "\"systems\":[\"clearing\"]}").andExpect(status().isCreated())).get("id").asLong();

        getAs("zhangsan", CREATE + "/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.stage").value("initiation"))
                .andExpect(jsonPath("$.departmentName").value("登记托管部"))
                .andExpect(jsonPath("$.systems.length()").value(2))
                .andExpect(jsonPath("$.openStep").value("evaluate"))
                .andExpect(jsonPath("$.stages[0].stage").value("initiation"))
                .andExpect(jsonPath("$.stages[0].actor").value("周八"));
        getAs("zhouba", CREATE + "/99999999").andExpect(status().isNotFound());
        getAs("issuer01", CREATE + "/" + id).andExpect(status().isForbidden());
        getAs("issuer01", CREATE).andExpect(status().isForbidden());

        // filters
        assertThat(ids(getAs("wujiu", CREATE + "?department=dept-registry"))).contains(id).doesNotContain(own);
        assertThat(ids(getAs("wujiu", CREATE + "?system=clearing"))).contains(own).doesNotContain(id);
        assertThat(ids(getAs("wujiu", CREATE + "?stage=initiation"))).contains(id, own);
        assertThat(ids(getAs("wujiu", CREATE + "?stage=closed"))).doesNotContain(id, own);
        getAs("wujiu", CREATE + "?stage=nonsense").andExpect(status().isBadRequest());

        // the evaluation step waits in the IT managers' inbox
        assertThat(inbox("zhouba")).contains("PRJ-" + id + ":evaluate");
        assertThat(inbox("sunqi")).doesNotContain("PRJ-" + id + ":evaluate");
    }

    @Test
    void theWholeLifecycleThroughTheRightInboxes() throws Exception {
        Setup s = version(false);
        long id = read(postJson("zhouba", CREATE, "{\"name\":\"登记系统升级\",\"department\":\"dept-registry\","
                + "\"systems\":[\"" + s.system() + "\"]}").andExpect(status().isCreated())).get("id").asLong();
        String p = CREATE + "/" + id;
        String key = "PRJ-" + id;

        // the evaluation needs its figures and an architecture decision first
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isConflict());
        putAs("zhouba", p + "/evaluation", "{\"businessValue\":\"缩短登记时间\",\"estimatedCost\":-1,\"budget\":100,"
                + "\"expectedBenefit\":50}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.estimatedCost").exists());
        putAs("wujiu", p + "/evaluation", "{\"businessValue\":\"v\",\"estimatedCost\":1,\"budget\":1,\"expectedBenefit\":1}")
                .andExpect(status().isForbidden());
        putAs("zhouba", p + "/evaluation", "{\"businessValue\":\"缩短登记时间\",\"estimatedCost\":80000,\"budget\":100000,"
                + "\"expectedBenefit\":300000}").andExpect(status().isOk()).andExpect(jsonPath("$.budget").value(100000));
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isConflict());
        postJson("zhouba", p + "/decisions", "{\"decision\":\"采用分布式账本\",\"alternatives\":\"集中式数据库\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson("chenqc", p + "/decisions", "{\"decision\":\"沿用现有消息中间件\",\"reason\":\"运维已有经验\","
                + "\"alternatives\":\"引入 Kafka\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].decidedBy").value("陈质控"));

        // evaluation done by the IT manager, initiation approval by the process owner (not the IT manager)
        advance("zhouba", p, "initiation");
        assertThat(inbox("sunqi")).contains(key + ":approveInitiation");
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isForbidden());
        // send-back needs a reason and goes to the evaluation; the event log has it
        postJson("sunqi", p + "/send-back", "{\"reason\":\"\"}").andExpect(status().isBadRequest());
        postJson("sunqi", p + "/send-back", "{\"reason\":\"收益估算依据不足\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.openStep").value("evaluate")).andExpect(jsonPath("$.stage").value("initiation"));
        String caseId = jdbc.queryForObject("SELECT case_id FROM del_project WHERE id = ?", String.class, id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id = ? AND resource = 'sunqi' "
                + "AND LOWER(lifecycle) LIKE '%back%'", Integer.class, caseId)).isEqualTo(1);
        advance("zhouba", p, "initiation");
        advance("sunqi", p, "review");
        // the operations process owner approved another department's project: he had a part in it, so he still reads it
        getAs("sunqi", p).andExpect(status().isOk());
        assertThat(ids(getAs("sunqi", CREATE))).contains(id);
        assertThat(inbox("chenqc")).contains(key + ":review");
        advance("chenqc", p, "commerce");

        // commerce: every step recorded with amount and documents; payments are costs
        postJson("zhouba", p + "/commerce", "{\"step\":\"payment\",\"amount\":-5}").andExpect(status().isBadRequest());
        postJson("zhouba", p + "/commerce", "{\"step\":\"bribe\",\"amount\":5}").andExpect(status().isBadRequest());
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isConflict());
        for (String step : List.of("budgetFiling", "procurement", "tender", "contract", "contractAcceptance")) {
            postJson("zhouba", p + "/commerce", "{\"step\":\"" + step + "\",\"amount\":90000,\"occurredOn\":\"2026-11-02\","
                    + "\"documents\":\"" + step + ".pdf\"}").andExpect(status().isOk());
        }
        postJson("zhouba", p + "/commerce", "{\"step\":\"payment\",\"amount\":30000.50,\"occurredOn\":\"2026-11-20\","
                + "\"note\":\"首付款\"}").andExpect(status().isOk()).andExpect(jsonPath("$.actualCost").value(30000.50));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project_cost WHERE project_id = ? AND kind = 'payment'",
                Integer.class, id)).isEqualTo(1);
        // the requesting department reads costs and commerce amounts too
        getAs("zhangsan", p).andExpect(status().isOk()).andExpect(jsonPath("$.actualCost").value(30000.50))
                .andExpect(jsonPath("$.commerce[0].amount").value(90000));
        advance("zhouba", p, "qc");
        assertThat(inbox("chenqc")).contains(key + ":qcMilestone");
        advance("chenqc", p, "golive");

        // go-live: needs a linked version in production, says which is not
        postJson("linops", p + "/advance", "{}").andExpect(status().isConflict());
        postJson("zhouba", p + "/versions", "{\"versionId\":99999999}").andExpect(status().isBadRequest());
        postJson("zhouba", p + "/versions", "{\"versionId\":" + s.versionId() + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.notInProduction[0]").value(s.system() + " " + s.label()));
        var refused = postJson("linops", p + "/advance", "{}").andExpect(status().isConflict()).andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains(s.label());
        long changeId = raise(passedSubmission(s), "");
        for (String approver : List.of("chenqc", "linops", "zhouba")) {
            postJson(approver, "/api/delivery/changes/" + changeId + "/approve", "{}").andExpect(status().isOk());
        }
        long deploymentId = read(postJson("linops", "/api/delivery/changes/" + changeId + "/deploy", "")
                .andExpect(status().isAccepted())).get("deploymentId").asLong();
        assertThat(finished(deploymentId).state()).isEqualTo("succeeded");
        // the defects found in the version, from test-metrics
        evidence.recordDefects(s.system(), List.of(new DefectRecord("CF-" + id, s.label(), "登记超时", "major", "integration",
                true, null, java.time.Instant.parse("2026-11-30T08:00:00Z"), null)));
        getAs("zhouba", p).andExpect(jsonPath("$.versions[0].inProduction").value(true))
                .andExpect(jsonPath("$.versions[0].defects[0].key").value("CF-" + id))
                .andExpect(jsonPath("$.versions[0].defects[0].open").value(true))
                .andExpect(jsonPath("$.versions[0].submissions.length()").value(1))
                .andExpect(jsonPath("$.versions[0].changes[0].id").value(changeId))
                .andExpect(jsonPath("$.notInProduction.length()").value(0));
        advance("linops", p, "acceptance");

        // acceptance by the IT manager, then the survey waits for the requesting department
        postJson("zhangsan", p + "/survey", "{\"score\":5}").andExpect(status().isConflict());
        advance("zhouba", p, "acceptance");
        assertThat(inbox("zhangsan")).contains(key + ":survey");
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isConflict());
        postJson("zhangsan", p + "/survey", "{\"score\":0}").andExpect(status().isBadRequest());
        postJson("zhangsan", p + "/survey", "{\"score\":6}").andExpect(status().isBadRequest());
        postJson("zhangsan", p + "/survey", "{\"score\":\"five\"}").andExpect(status().isBadRequest());
        // wangwu (clearing) is no requesting department: the project is not his to see, so "not found";
        // an IT manager may see it but is no requesting department: 403
        postJson("wangwu", p + "/survey", "{\"score\":4}").andExpect(status().isNotFound());
        postJson("zhouba", p + "/survey", "{\"score\":4}").andExpect(status().isForbidden());
        postJson("issuer01", p + "/survey", "{\"score\":4}").andExpect(status().isForbidden());
        assertThat(count("del_project_survey WHERE project_id = " + id)).isZero();
        postJson("zhangsan", p + "/survey", "{\"score\":4,\"comment\":\"办理时间明显缩短\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("operation")).andExpect(jsonPath("$.averageScore").value(4.0));
        postJson("zhangsan", p + "/survey", "{\"score\":5}").andExpect(status().isConflict());
        postJson("lisi", p + "/survey", "{\"score\":5}").andExpect(status().isOk()).andExpect(jsonPath("$.averageScore").value(4.5));

        // post-project operation: cost and realised value over time, then closed
        postJson("zhouba", p + "/operation", "{\"period\":\"2026-13\",\"cost\":10}").andExpect(status().isBadRequest());
        postJson("zhouba", p + "/operation", "{\"period\":\"2026-12\",\"cost\":-10}").andExpect(status().isBadRequest());
        postJson("zhouba", p + "/operation", "{\"period\":\"2026-12\",\"cost\":2000,\"realisedValue\":15000}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.actualCost").value(32000.50))
                .andExpect(jsonPath("$.realisedValue[0].realised").value(15000));
        advance("zhouba", p, "closed");
        postJson("zhouba", p + "/cancel", "{\"reason\":\"too late\"}").andExpect(status().isConflict());

        // the stage history: one visit per stage, each closed but the last, with who moved it
        List<String> visits = jdbc.queryForList("SELECT stage FROM del_project_stage WHERE project_id = ? ORDER BY id",
                String.class, id);
        assertThat(visits).containsExactly("initiation", "review", "commerce", "qc", "golive", "acceptance", "operation",
                "closed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project_stage WHERE project_id = ? AND left_at IS NULL",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT actor FROM del_project_stage WHERE project_id = ? ORDER BY id", String.class, id))
                .containsExactly("zhouba", "sunqi", "chenqc", "zhouba", "chenqc", "linops", "zhangsan", "zhouba");
        assertThat(jdbc.queryForObject("SELECT accepted_at FROM del_project WHERE id = ?", Object.class, id)).isNotNull();
    }

    @Test
    void theRequestingDepartmentsAreTheProjectsAndThoseOfTheDemandsItsVersionsDeliver() throws Exception {
        long demand = demandIntake.raise(directory.requireMember("wangwu"), new NewDemand("交收对账查询",
                "更快对账", "FEATURE", null, "NORMAL", false, null, null, null)).id();
        long versionId = read(postJson("wujiu", "/api/delivery/versions", "{\"system\":\"registry\",\"version\":\"7."
                + System.nanoTime() % 100000 + "\",\"demandIds\":[" + demand + "]}").andExpect(status().isCreated()))
                .get("id").asLong();
        long id = read(postJson("zhouba", CREATE, "{\"name\":\"登记与交收联动\",\"department\":\"dept-registry\","
                + "\"systems\":[\"registry\"]}").andExpect(status().isCreated())).get("id").asLong();
        getAs("zhouba", CREATE + "/" + id).andExpect(jsonPath("$.requestingDepartments.length()").value(1));
        // clearing asked for nothing yet: its business staff do not see the project
        getAs("wangwu", CREATE + "/" + id).andExpect(status().isNotFound());
        // a version of a system the project does not touch is refused
        long other = read(postJson("wujiu", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"7."
                + System.nanoTime() % 100000 + "\"}").andExpect(status().isCreated())).get("id").asLong();
        postJson("zhouba", CREATE + "/" + id + "/versions", "{\"versionId\":" + other + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.versionId").exists());
        postJson("zhouba", CREATE + "/" + id + "/versions", "{\"versionId\":" + versionId + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.requestingDepartments[0]").value("登记托管部"))
                .andExpect(jsonPath("$.requestingDepartments[1]").value("清算交收部"))
                .andExpect(jsonPath("$.versions[0].demands[0].title").value("交收对账查询"));
        // now clearing is a requesting department and reads it
        getAs("wangwu", CREATE + "/" + id).andExpect(status().isOk());
        assertThat(ids(getAs("wangwu", CREATE))).contains(id);
        // the version's timeline says which project it belongs to
        assertThat(jdbc.queryForList("SELECT kind FROM del_timeline WHERE version_id = ?", String.class, versionId))
                .contains("project.linked");
    }

    /**
     * Reads by role and department: business staff and process owners read the projects their department asked for
     * (or has a part in); another department's project answers 404 like an unknown id and is left out of the list;
     * IT delivery reads every project.
     */
    @Test
    void businessReadersSeeOnlyTheirDepartmentsProjects() throws Exception {
        long registry = read(postJson("zhouba", CREATE, "{\"name\":\"登记可见\",\"department\":\"dept-registry\","
                + "\"systems\":[\"registry\"]}").andExpect(status().isCreated())).get("id").asLong();
        long account = read(postJson("zhouba", CREATE, "{\"name\":\"账户不可见\",\"department\":\"dept-account\","
                + "\"systems\":[\"registry\"]}").andExpect(status().isCreated())).get("id").asLong();
        putAs("zhouba", CREATE + "/" + registry + "/evaluation", "{\"businessValue\":\"v\",\"estimatedCost\":70,"
                + "\"budget\":4321,\"expectedBenefit\":9}").andExpect(status().isOk());

        getAs("zhangsan", CREATE + "/" + registry).andExpect(status().isOk())
                .andExpect(jsonPath("$.budget").value(4321)).andExpect(jsonPath("$.evaluation.estimatedCost").value(70));
        var hidden = getAs("zhangsan", CREATE + "/" + account).andExpect(status().isNotFound()).andReturn().getResponse();
        var unknown = getAs("zhangsan", CREATE + "/99999999").andExpect(status().isNotFound()).andReturn().getResponse();
        // the same problem shape as an unknown id, and nothing of the project in it
        assertThat(json.readTree(hidden.getContentAsString()).get("title"))
                .isEqualTo(json.readTree(unknown.getContentAsString()).get("title"));
        assertThat(hidden.getContentAsString()).doesNotContain("账户不可见");
        assertThat(ids(getAs("zhangsan", CREATE))).contains(registry).doesNotContain(account);
        assertThat(ids(getAs("zhangsan", CREATE + "?department=dept-account"))).doesNotContain(account);
        // a process owner of a third department: neither is his department's, neither is in his inbox yet
        getAs("sunqi", CREATE + "/" + account).andExpect(status().isNotFound());
        assertThat(ids(getAs("sunqi", CREATE))).doesNotContain(registry, account);
        // nor may he act on it: "not found", not "not your inbox"
        postJson("sunqi", CREATE + "/" + account + "/advance", "{}").andExpect(status().isNotFound());

        for (String it : List.of("wujiu", "chenqc", "zhouba", "admin")) {
            getAs(it, CREATE + "/" + account).andExpect(status().isOk());
            assertThat(ids(getAs(it, CREATE))).as(it).contains(registry, account);
        }
    }

    /**
     * The survey goes to every requesting department: a version of the project delivers a demand of clearing, so
     * registry's answer alone leaves the survey open, and clearing's completes it.
     */
    @Test
    void theSurveyCompletesOnlyWhenTheSecondRequestingDepartmentAnswers() throws Exception {
        long demand = demandIntake.raise(directory.requireMember("wangwu"), new NewDemand("交收结果推送",
                "交收后通知登记", "FEATURE", null, "NORMAL", false, null, null, null)).id();
        Setup s = version(false, "app.jar", List.of(demand));
        long id = read(postJson("zhouba", CREATE, "{\"name\":\"登记与交收联动验收\",\"department\":\"dept-registry\","
                + "\"systems\":[\"" + s.system() + "\"]}").andExpect(status().isCreated())).get("id").asLong();
        String p = CREATE + "/" + id;
        String key = "PRJ-" + id;
        postJson("zhouba", p + "/versions", "{\"versionId\":" + s.versionId() + "}").andExpect(status().isOk());
        toAcceptance(p, s);
        advance("zhouba", p, "acceptance");

        // both departments have the survey in their inboxes
        assertThat(inbox("zhangsan")).contains(key + ":survey");
        assertThat(inbox("wangwu")).contains(key + ":survey");
        getAs("zhouba", p).andExpect(jsonPath("$.requestingDepartments.length()").value(2));

        postJson("zhangsan", p + "/survey", "{\"score\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("acceptance")).andExpect(jsonPath("$.openStep").value("survey"));
        assertThat(inbox("wangwu")).contains(key + ":survey");
        // a second answer of the first department does not stand in for the second
        postJson("lisi", p + "/survey", "{\"score\":4}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("acceptance"));

        postJson("wangwu", p + "/survey", "{\"score\":3,\"comment\":\"对账通知及时\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("operation")).andExpect(jsonPath("$.openStep").value("operation"))
                .andExpect(jsonPath("$.averageScore").value(4.0));
        assertThat(inbox("wangwu")).doesNotContain(key + ":survey");
        assertThat(jdbc.queryForList("SELECT department FROM del_project_survey WHERE project_id = ? ORDER BY id",
                String.class, id)).containsExactly("dept-registry", "dept-registry", "dept-clearing");
    }

    /** Runs a project with its version linked from initiation to the open acceptance step, the version in production. */
    private void toAcceptance(String p, Setup s) throws Exception {
        putAs("zhouba", p + "/evaluation", "{\"businessValue\":\"v\",\"estimatedCost\":1,\"budget\":2,"
                + "\"expectedBenefit\":3}").andExpect(status().isOk());
        postJson("zhouba", p + "/decisions", "{\"decision\":\"d\",\"reason\":\"r\"}").andExpect(status().isOk());
        advance("zhouba", p, "initiation");
        advance("sunqi", p, "review");
        advance("chenqc", p, "commerce");
        for (String step : List.of("budgetFiling", "procurement", "tender", "contract", "contractAcceptance")) {
            postJson("zhouba", p + "/commerce", "{\"step\":\"" + step + "\",\"amount\":1}").andExpect(status().isOk());
        }
        advance("zhouba", p, "qc");
        advance("chenqc", p, "golive");
        long changeId = raise(passedSubmission(s), "");
        for (String approver : List.of("chenqc", "linops", "zhouba")) {
            postJson(approver, "/api/delivery/changes/" + changeId + "/approve", "{}").andExpect(status().isOk());
        }
        long deploymentId = read(postJson("linops", "/api/delivery/changes/" + changeId + "/deploy", "")
                .andExpect(status().isAccepted())).get("deploymentId").asLong();
        assertThat(finished(deploymentId).state()).isEqualTo("succeeded");
        advance("linops", p, "acceptance");
    }

    @Test
    void cancellationNeedsAReasonAndEndsTheCase() throws Exception {
        long id = read(postJson("zhouba", CREATE, "{\"name\":\"取消的项目\",\"department\":\"dept-clearing\","
                + "\"systems\":[\"clearing\"]}").andExpect(status().isCreated())).get("id").asLong();
        String p = CREATE + "/" + id;
        postJson("zhouba", p + "/cancel", "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        postJson("chenqc", p + "/cancel", "{\"reason\":\"不做了\"}").andExpect(status().isForbidden());
        postJson("zhouba", "/api/delivery/projects/99999999/cancel", "{\"reason\":\"x\"}").andExpect(status().isNotFound());
        postJson("zhouba", p + "/cancel", "{\"reason\":\"预算取消\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("cancelled"))
                .andExpect(jsonPath("$.cancellation.reason").value("预算取消"))
                .andExpect(jsonPath("$.openStep").doesNotExist());
        assertThat(inbox("zhouba")).doesNotContain("PRJ-" + id + ":evaluate");
        postJson("zhouba", p + "/advance", "{}").andExpect(status().isConflict());
        assertThat(jdbc.queryForList("SELECT stage FROM del_project_stage WHERE project_id = ? ORDER BY id", String.class, id))
                .containsExactly("initiation", "cancelled");
    }

    void advance(String user, String path, String stage) throws Exception {
        var response = postJson(user, path + "/advance", "{\"comment\":\"同意\"}").andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsString()).get("stage").asText()).isEqualTo(stage);
    }

    ResultActions getAs(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")));
    }

    ResultActions putAs(String user, String path, String body) throws Exception {
        return mvc.perform(put(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    List<Long> ids(ResultActions result) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        read(result.andExpect(status().isOk())).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
