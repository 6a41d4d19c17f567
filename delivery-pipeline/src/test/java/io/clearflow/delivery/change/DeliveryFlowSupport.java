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
import io.clearflow.delivery.artifact.ArtifactService;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployment;
import io.clearflow.delivery.deployment.DeploymentService;
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
 * What the delivery flow tests share: versions and artifacts created through the delivery API, report uploads into
 * test-metrics through its API, the steps that bring a submission to "passed exit", and waiting for the embedded
 * runner's deployments.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class DeliveryFlowSupport {

    static final String PASSING_JUNIT = """
            <testsuite name="io.clearflow.app.OrderTest" tests="2" failures="0" errors="0" skipped="0" time="0.2">
              <testcase classname="io.clearflow.app.OrderTest" name="places" time="0.1"/>
              <testcase classname="io.clearflow.app.OrderTest" name="cancels" time="0.1"/>
            </testsuite>""";
    static final String FAILING_JUNIT = """
            <testsuite name="io.clearflow.app.OrderTest" tests="2" failures="1" errors="0" skipped="0" time="0.2">
              <testcase classname="io.clearflow.app.OrderTest" name="places" time="0.1"/>
              <testcase classname="io.clearflow.app.OrderTest" name="cancels" time="0.1">
                <failure message="expected CANCELLED">boom</failure>
              </testcase>
            </testsuite>""";
    static final String CLEAN_SARIF = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"semgrep","rules":[]}},"results":[]}]}""";

    @Autowired protected MockMvc mvc;
    @Autowired protected ObjectMapper json;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected WorkService work;
    @Autowired protected OrgDirectory directory;
    @Autowired protected TaskService engineTasks;
    @Autowired TransactionTemplate transactions;
    @Autowired Artifacts artifacts;
    @Autowired ArtifactService artifactService;
    @Autowired DeploymentService deploymentService;

    /** A version of a seeded system, developed by wujiu (he uploaded its artifact). */
    protected record Setup(long versionId, long artifactId, String label, String system) { }

    /** A version of {@code clearflow} (not critical) or {@code ctrade} (critical) with one artifact, over the API. */
    protected Setup version(boolean critical) throws Exception {
        return version(critical, "app.jar");
    }

    /** An artifact named {@code broken…} fails the production environment's health check (see TestSystems). */
    protected Setup version(boolean critical, String artifactName) throws Exception {
        return version(critical, artifactName, List.of());
    }

    /** As {@link #version(boolean, String)}, the version delivering the given demands. */
    protected Setup version(boolean critical, String artifactName, List<Long> demandIds) throws Exception {
        String system = critical ? "ctrade" : "clearflow";
        String label = "1." + UUID.randomUUID().toString().substring(0, 8);
        long versionId = read(postJson("wujiu", "/api/delivery/versions",
                "{\"system\":\"" + system + "\",\"version\":\"" + label + "\",\"demandIds\":" + demandIds + "}")
                .andExpect(status().isCreated()))
                .get("id").asLong();
        long artifactId = read(mvc.perform(multipart("/api/delivery/versions/" + versionId + "/artifacts")
                        .file(new MockMultipartFile("file", artifactName, null, ("content of " + label).getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated())).get("id").asLong();
        return new Setup(versionId, artifactId, label, system);
    }

    String stage(long artifactId) {
        return artifacts.find(artifactId).orElseThrow().stage();
    }

    List<String> timelineKinds(long versionId) {
        return jdbc.queryForList("SELECT kind FROM del_timeline WHERE version_id = ? ORDER BY id", String.class, versionId);
    }

    /** Waits until the executor has finished the deployment (the embedded runner works on its own threads). */
    protected Deployment finished(long deploymentId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Deployment d = deploymentService.require(deploymentId);
            if (d.finished()) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("deployment " + deploymentId + " did not finish");
    }

    /** Waits until the change reached the state (it moves when the deployment's end is announced). */
    protected void awaitState(long changeId, String state) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String now = null;
        while (System.currentTimeMillis() < deadline) {
            now = jdbc.queryForObject("SELECT state FROM del_change WHERE id = ?", String.class, changeId);
            if (state.equals(now)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("change " + changeId + " is " + now + ", not " + state);
    }

    void upload(Setup s, String file, String content) throws Exception {
        mvc.perform(multipart("/api/test-metrics/reports")
                        .file(new MockMultipartFile("file", file, null, content.getBytes(StandardCharsets.UTF_8)))
                        .param("project", s.system()).param("version", s.label())
                        .param("run", "1").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isCreated());
    }

    protected ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected List<String> inbox(String user) {
        return work.inbox(directory.requireMember(user), 0, 200).stream().map(t -> t.businessKey() + ":" + t.activityId()).toList();
    }

    /** A version whose entry criteria pass, submitted, accepted, passed exit and approved by QC; returns the submission id. */
    protected long passedSubmission(Setup s) throws Exception {
        upload(s, "TEST-order.xml", PASSING_JUNIT);
        upload(s, "scan.sarif", CLEAN_SARIF);
        long id = read(postJson("wujiu", "/api/delivery/versions/" + s.versionId() + "/test-submissions",
                "{\"artifactId\":" + s.artifactId() + "}").andExpect(status().isCreated())).get("id").asLong();
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/accept", "").andExpect(status().isOk());
        postJson("zhengshi", "/api/delivery/test-submissions/" + id + "/complete", "{\"passed\":true,\"comment\":\"全部通过\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.gate.passed").value(true));
        postJson("chenqc", "/api/delivery/test-submissions/" + id + "/qc-review", "{\"approved\":true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PASSED"));
        return id;
    }

    protected long raise(long submissionId, String extra) throws Exception {
        var response = postJson("wujiu", "/api/delivery/changes", """
                {"testSubmissionId":%d,"risk":"medium","window":"2026-12-12 22:00-23:30",
                 "rollbackPlan":"redeploy the previous artifact"%s}""".formatted(submissionId, extra)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString()).get("id").asLong();
    }

    static void asUser(String userId, Runnable action) {
        Authentication.setAuthenticatedUserId(userId);
        try {
            action.run();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }
}
