package io.clearflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.artifact.ArtifactService;
import io.clearflow.delivery.version.NewVersion;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.identity.OrgDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A restart in the middle: a deployment left {@code running} goes back to its executor through
 * {@code resume} with the reference it last reported, a {@code queued} one is started, and all end.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@ActiveProfiles("test")
public class DeploymentResumeTest {

    @Autowired VersionService versions;
    @Autowired ArtifactService artifacts;
    @Autowired OrgDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired RecordingExecutor executor;
    @Autowired ApplicationContext context;

    long leftBehind(String system, String executorKind, long artifactId, String state, String reference) {
        jdbc.update("INSERT INTO del_deployment (artifact_id, version_id, system_code, environment, target, executor, "
                + "artifact_sha256, state, reference, requested_by, requested_at) SELECT id, version_id, ?, 'dev', "
                + "?, ?, sha256, ?, ?, 'linops', ? FROM del_artifact WHERE id = ?", system, system + "-dev", executorKind,
                state, reference, Timestamp.from(Instant.now()), artifactId);
        return jdbc.queryForObject("SELECT MAX(id) FROM del_deployment", Long.class);
    }

    String state(long id) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        String state = jdbc.queryForObject("SELECT state FROM del_deployment WHERE id = ?", String.class, id);
        while (!List.of("succeeded", "failed").contains(state) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
            state = jdbc.queryForObject("SELECT state FROM del_deployment WHERE id = ?", String.class, id);
        }
        return state;
    }

    @Test
    void runningDeploymentsAreResumedAndQueuedOnesStartedOnStartUp() throws Exception {
        var wujiu = directory.requireMember("wujiu");
        long version = versions.create(wujiu, new NewVersion("clearflow", "8." + Math.abs(UUID.randomUUID().hashCode() % 10000),
                List.of(), null));
        byte[] bytes = ("resume " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long artifact = artifacts.upload(wujiu, version, "cf.jar", new ByteArrayInputStream(bytes), bytes.length).artifact().id();
        long recorded = leftBehind("recsys", "recording", artifact, "running", "work/left-by-the-last-run");
        long running = leftBehind("clearflow", "embedded", artifact, "running", "/nowhere/deployment-0");
        long queued = leftBehind("clearflow", "embedded", artifact, "queued", null);

        ApplicationArguments none = new DefaultApplicationArguments();
        context.getBeansOfType(org.springframework.boot.ApplicationRunner.class).values().stream()
                .filter(r -> r.getClass().getSimpleName().equals("DeploymentResumer")).findFirst().orElseThrow().run(none);

        // the recording executor gets the reference it last reported
        assertThat(executor.resumed).contains("work/left-by-the-last-run");
        assertThat(state(recorded)).isEqualTo("succeeded");
        // the embedded runner cannot resume a local process: it reports the deployment failed, with the reason
        assertThat(state(running)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT output_tail FROM del_deployment WHERE id = ?", String.class, running))
                .contains("interrupted");
        // the order that never reached its executor is started and ends normally
        assertThat(state(queued)).isEqualTo("succeeded");
    }
}
