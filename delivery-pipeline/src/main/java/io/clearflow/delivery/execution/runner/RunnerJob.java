package io.clearflow.delivery.execution.runner;

import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment on the embedded runner: a fresh working folder, the artifact's digest checked before
 * anything runs, then the steps one after the other, each with the time left of its own and the total limit.
 * Step output (stdout and stderr) goes to {@code deployment.log} in the folder; the runner's own lines start
 * with {@code [clearflow] } and the last one is the outcome ({@code succeeded} or {@code failed: <reason>}),
 * which is what {@link EmbeddedRunner#resume} looks for after a restart. The log is {@link RunnerLog}'s, a step's
 * process {@link StepProcess}'s, the file checks and built-ins {@link RunnerFiles}', the settings
 * {@link RunnerSettings}'.
 */
final class RunnerJob implements Runnable {

    static final String LOG = "deployment.log";
    static final String MARK = "[clearflow] ";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed: ";

    private static final Logger log = LoggerFactory.getLogger(RunnerJob.class);

    private final DeploymentOrder order;
    private final ExecutionListener listener;
    private final RunnerProperties properties;
    private final RunnerSettings settings;
    private final Path root;
    private Path folder;
    private RunnerLog runnerLog;

    RunnerJob(DeploymentOrder order, ExecutionListener listener, RunnerProperties properties, Path dataDir, Path root) {
        this.order = order;
        this.listener = listener;
        this.properties = properties;
        this.settings = new RunnerSettings(order, dataDir);
        this.root = root;
    }

    @Override
    public void run() {
        long id = order.deploymentId();
        try {
            Files.createDirectories(root);
            folder = Files.createTempDirectory(root, "deployment-" + id + "-");
            Path logFile = folder.resolve(LOG);
            Files.createFile(logFile);
            runnerLog = new RunnerLog(logFile, id);
        } catch (IOException e) {
            log.error("Deployment {}: cannot create its working folder under {}", id, root, e);
            safely(() -> listener.finished(id, false, MARK + FAILED + "cannot create the working folder: " + e.getMessage()));
            return;
        }
        safely(() -> listener.running(id, folder.toString()));
        try {
            deploy();
            runnerLog.writeOutcome(SUCCEEDED);
            safely(() -> listener.finished(id, true, runnerLog.tail()));
        } catch (StepFailed e) {
            runnerLog.writeOutcome(FAILED + e.getMessage());
            safely(() -> listener.finished(id, false, runnerLog.tail()));
        } catch (InterruptedException e) {
            // the platform is stopping: no outcome line, so resume reports it interrupted
            runnerLog.line("interrupted: the platform is stopping");
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.error("Deployment {} failed in the runner itself", id, e);
            runnerLog.writeOutcome(FAILED + "runner error: " + e);
            safely(() -> listener.finished(id, false, runnerLog.tail()));
        }
    }

    private void deploy() throws StepFailed, InterruptedException, IOException {
        runnerLog.line("deployment " + order.deploymentId() + " of " + order.system() + " to " + order.environment()
                + ", artifact " + order.artifactName() + " sha256 " + order.artifactSha256());
        RunnerFiles.checkName(order.artifactName());
        Duration total = settings.duration("timeout", properties.timeout());
        Duration perStep = settings.duration("step-timeout", total);
        Steps steps = settings.steps();
        Path target = settings.target();
        RunnerFiles.verify(order.artifactFile(), order.artifactSha256(), "the artifact");
        Map<String, String> values = settings.values(target);
        StepProcess process = new StepProcess(folder, runnerLog, properties, this::reportOutput);
        long deadline = System.nanoTime() + total.toNanos();
        for (Steps.Step step : steps.list()) {
            List<String> arguments = step.resolve(values);
            runnerLog.line("step " + step.line() + ": " + display(arguments));
            if (step.builtIn()) {
                RunnerFiles.builtIn(folder, step.line(), arguments, runnerLog);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StepFailed("timed out after " + total + " (total) before step " + step.line());
            }
            boolean totalBinds = left < perStep.toNanos();
            Duration limit = totalBinds ? total : perStep;
            int exit = process.execute(step.line(), arguments, values, Math.min(left, perStep.toNanos()), limit,
                    totalBinds);
            if (exit != 0) {
                throw new StepFailed("step " + step.line() + " exited with code " + exit);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        return RunnerFiles.sha256(file);
    }

    /** How a step is shown in the log: arguments with blanks or quotes in single quotes. */
    static String display(List<String> arguments) {
        return arguments.stream()
                .map(a -> a.isEmpty() || a.matches(".*[\\s'\"\\\\$`;|&<>(){}*?!#].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" "));
    }

    /** The outcome line at the end of a log tail ({@code succeeded} or {@code failed: …}), or null. */
    static String outcome(String tail) {
        return RunnerLog.outcome(tail);
    }

    private void reportOutput() {
        runnerLog.newTail().ifPresent(tail -> safely(() -> listener.output(order.deploymentId(), tail)));
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("Deployment {}: the execution listener failed", order.deploymentId(), e);
        }
    }
}
