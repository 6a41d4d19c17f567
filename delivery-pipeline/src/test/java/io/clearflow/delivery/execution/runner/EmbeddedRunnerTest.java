package io.clearflow.delivery.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.RecordingListener;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded runner on real local processes (POSIX {@code sh}, {@code sleep}, {@code echo}). */
class EmbeddedRunnerTest {

    @TempDir
    Path dataDir;

    private Path artifact;
    private String sha256;
    private EmbeddedRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        artifact = dataDir.resolve("store").resolve("ab12");
        Files.createDirectories(artifact.getParent());
        Files.writeString(artifact, "the application, version 2.3.0\n");
        sha256 = RunnerJob.sha256(artifact);
        runner = new EmbeddedRunner(new RunnerProperties(2, null, Duration.ofMillis(100), null, null), dataDir);
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    private DeploymentOrder order(long id, String name, String sha, Map<String, String> settings) {
        return new DeploymentOrder(id, "ctrade", "production", "CHG-2026-000012", name, sha, artifact,
                URI.create("http://platform/artifacts/1"), settings, "2.3.0");
    }

    private static Map<String, String> steps(String steps, String... more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("steps", steps);
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void defaultStepsCopyTheArtifactIntoTheTargetAndCheckItsDigest() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        runner.start(order(1, "ctrade-2.3.0.jar", sha256, Map.of()), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(1);
        assertThat(outcome.succeeded()).as(outcome.tail()).isTrue();
        Path deployed = dataDir.resolve("delivery/deployed/ctrade/production/ctrade-2.3.0.jar");
        assertThat(deployed).hasSameBinaryContentAs(artifact);
        assertThat(outcome.tail()).contains("SHA-256 OK").endsWith("[clearflow] succeeded" + System.lineSeparator());
        Path folder = Path.of(listener.lastReference(1));
        assertThat(folder).startsWith(dataDir.resolve("delivery/runner")).isDirectory();
        assertThat(folder.resolve("deployment.log")).content().contains("copied 31 bytes");
    }

    @Test
    void reportsOutputWhileRunningAndTheTailAtTheEnd() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        runner.start(order(2, "app.jar", sha256, steps("""
                echo hello {name} {system}
                sh -c 'echo first; sleep 1; echo "second to stderr" >&2'
                """)), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(2);
        assertThat(outcome.succeeded()).as(outcome.tail()).isTrue();
        assertThat(outcome.tail()).contains("hello app.jar ctrade\n", "first\n", "second to stderr\n");
        // while the second step slept, its first line had already been reported
        assertThat(listener.outputs.get(2L)).anySatisfy(tail ->
                assertThat(tail).contains("\nfirst\n").doesNotContain("\nsecond to stderr\n"));
    }

    @Test
    void aFailingStepFailsTheDeploymentWithItsExitCodeAndStopsThere() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        runner.start(order(3, "app.jar", sha256, steps("""
                sh -c 'echo about to fail; exit 3'
                touch after-the-failure
                """)), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(3);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("about to fail").contains("[clearflow] failed: step 1 exited with code 3");
        assertThat(Path.of(listener.lastReference(3)).resolve("after-the-failure")).doesNotExist();
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        long started = System.nanoTime();
        runner.start(order(4, "app.jar", sha256, steps("""
                sh -c 'sleep 60 & echo $! > child.pid; wait'
                """, "timeout", "PT1S")), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(4);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("[clearflow] failed: step 1 timed out after PT1S");
        long child = Long.parseLong(Files.readString(Path.of(listener.lastReference(4)).resolve("child.pid")).strip());
        // the shell's child (sleep 60) is gone too, not left behind as an orphan
        assertThat(gone(child, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aPlainSleepIsKilledAtTheStepTimeout() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        runner.start(order(5, "app.jar", sha256, steps("sleep 60", "step-timeout", "PT0.5S")), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(5);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("step 1 timed out after PT0.5S");
    }

    @Test
    void aStepFloodingTheLogIsKilledAtTheOutputLimit() throws Exception {
        try (EmbeddedRunner small = new EmbeddedRunner(new RunnerProperties(1, null, Duration.ofMillis(50), null,
                org.springframework.util.unit.DataSize.ofKilobytes(256)), dataDir)) {
            RecordingListener listener = new RecordingListener(1);
            small.start(order(12, "app.jar", sha256, steps("yes clearflow")), listener);

            RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(12);
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.tail()).contains("step 1 wrote more than 262144B of output");
            assertThat(Files.size(Path.of(listener.lastReference(12)).resolve("deployment.log")))
                    .isLessThan(512L * 1024 * 1024);
        }
    }

    @Test
    void aDigestMismatchRefusesBeforeAnyStepRuns() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        String wrong = "0".repeat(64);
        runner.start(order(6, "app.jar", wrong, steps("touch ran")), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(6);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("SHA-256 mismatch", wrong, sha256, "nothing was run");
        assertThat(Path.of(listener.lastReference(6)).resolve("ran")).doesNotExist();
    }

    @Test
    void shellTextInTheArtifactNameOrChangeKeyStaysOneArgument() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        String name = "x; touch pwned-a; $(touch pwned-b) `touch pwned-c`";
        DeploymentOrder order = new DeploymentOrder(7, "ctrade", "production", "CHG-1 && touch pwned-d", name, sha256,
                artifact, null, steps("""
                        echo {name} {change}
                        @copy {artifact} {target}/{name}
                        sh -c 'printf "%s\\n" "$CF_NAME" > seen-name.txt'
                        """), "2.3.0");
        runner.start(order, listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(7);
        assertThat(outcome.succeeded()).as(outcome.tail()).isTrue();
        Path folder = Path.of(listener.lastReference(7));
        assertThat(outcome.tail()).contains(name + " CHG-1 && touch pwned-d\n");
        assertThat(folder.resolve("seen-name.txt")).content().isEqualTo(name + "\n");
        assertThat(dataDir.resolve("delivery/deployed/ctrade/production").resolve(name)).exists();
        for (String pwned : new String[] {"pwned-a", "pwned-b", "pwned-c", "pwned-d"}) {
            assertThat(folder.resolve(pwned)).doesNotExist();
            assertThat(dataDir.resolve(pwned)).doesNotExist();
            assertThat(Path.of(pwned)).doesNotExist();
        }
    }

    @Test
    void anArtifactNameWithAPathOrAnOptionIsRefusedAndNothingRuns() throws Exception {
        Path pwned = Path.of("/tmp/pwned-" + UUID.randomUUID());
        RecordingListener listener = new RecordingListener(3);
        runner.start(order(8, "$(touch " + pwned + ")", sha256, steps("touch {name}")), listener);
        runner.start(order(9, "../../escape.jar", sha256, Map.of()), listener);
        runner.start(order(10, "-rf", sha256, steps("touch ran")), listener);

        listener.await(Duration.ofSeconds(20));
        for (long id = 8; id <= 10; id++) {
            assertThat(listener.outcome(id).succeeded()).isFalse();
            assertThat(listener.outcome(id).tail()).contains("is not a plain file name; nothing was run");
        }
        assertThat(pwned).doesNotExist();
        assertThat(dataDir.resolve("delivery/escape.jar")).doesNotExist();
        assertThat(Path.of(listener.lastReference(10)).resolve("ran")).doesNotExist();
    }

    @Test
    void aPlaceholderInsideShellTextIsRefused() throws Exception {
        RecordingListener listener = new RecordingListener(1);
        runner.start(order(11, "app.jar", sha256, steps("sh -c 'cp {artifact} /opt/{name}'")), listener);

        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(20)).outcome(11);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("step line 1: a placeholder inside sh's program text");
    }

    @Test
    void ordersBeyondTheThreadsWaitInTheQueueAndAllFinish() throws Exception {
        int orders = 12;
        RecordingListener listener = new RecordingListener(orders);
        for (int i = 0; i < orders; i++) {
            runner.start(order(100 + i, "app-" + i + ".jar", sha256, steps("sleep 0.2\n@copy {artifact} {name}")), listener);
        }
        assertThat(runner.waiting()).isGreaterThanOrEqualTo(orders - 2 - 1);

        listener.await(Duration.ofSeconds(60));
        for (int i = 0; i < orders; i++) {
            RecordingListener.Outcome outcome = listener.outcome(100 + i);
            assertThat(outcome.succeeded()).as(outcome.tail()).isTrue();
            assertThat(Path.of(listener.lastReference(100 + i)).resolve("app-" + i + ".jar")).exists();
        }
        assertThat(runner.waiting()).isZero();
    }

    @Test
    void resumeReportsTheLoggedOutcomeOrAnInterruption() throws Exception {
        RecordingListener first = new RecordingListener(1);
        runner.start(order(20, "app.jar", sha256, steps("echo done")), first);
        first.await(Duration.ofSeconds(20));
        String finishedFolder = first.lastReference(20);

        Path interrupted = runner.root().resolve("deployment-21-x");
        Files.createDirectories(interrupted);
        Files.writeString(interrupted.resolve("deployment.log"), "[clearflow] 2026-12-06T22:00:00Z step 1: sleep 600\n",
                StandardCharsets.UTF_8);

        RecordingListener resumed = new RecordingListener(3);
        runner.resume(order(20, "app.jar", sha256, steps("echo done")), finishedFolder, resumed);
        runner.resume(order(21, "app.jar", sha256, steps("sleep 600")), interrupted.toString(), resumed);
        runner.resume(order(22, "app.jar", sha256, steps("echo started now")), null, resumed);

        resumed.await(Duration.ofSeconds(20));
        assertThat(resumed.outcome(20).succeeded()).isTrue();
        assertThat(resumed.outcome(20).tail()).contains("done\n");
        assertThat(resumed.outcome(21).succeeded()).isFalse();
        assertThat(resumed.outcome(21).tail()).contains("step 1: sleep 600")
                .endsWith("[clearflow] failed: interrupted by a platform restart");
        assertThat(resumed.outcome(22).succeeded()).isTrue();
        assertThat(resumed.outcome(22).tail()).contains("started now");
    }

    @Test
    void resumeDoesNotReadFilesOutsideTheRunnersFolder() throws Exception {
        Path elsewhere = dataDir.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("deployment.log"), "secret\n[clearflow] succeeded\n");
        RecordingListener resumed = new RecordingListener(1);

        runner.resume(order(30, "app.jar", sha256, Map.of()), elsewhere.toString(), resumed);

        assertThat(resumed.outcome(30).succeeded()).isFalse();
        assertThat(resumed.outcome(30).tail()).doesNotContain("secret");
    }

    /** The process ended (a zombie waiting for its new parent to reap it counts as ended). */
    private static boolean gone(long pid, Duration wait) throws Exception {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Path stat = Path.of("/proc/" + pid + "/stat");
                try {
                    String text = Files.readString(stat);
                    if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                        return true;
                    }
                } catch (IOException e) {
                    return true;
                }
                Thread.sleep(50);
            } else {
                return true;
            }
        }
        return false;
    }
}
