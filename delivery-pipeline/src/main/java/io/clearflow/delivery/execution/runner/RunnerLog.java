package io.clearflow.delivery.execution.runner;

import static io.clearflow.delivery.execution.runner.RunnerJob.FAILED;
import static io.clearflow.delivery.execution.runner.RunnerJob.MARK;
import static io.clearflow.delivery.execution.runner.RunnerJob.SUCCEEDED;

import io.clearflow.delivery.execution.OutputTail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment's {@code deployment.log}: the steps' output and the runner's own lines (starting with
 * {@code [clearflow] }), the last of which is the outcome that {@link EmbeddedRunner#resume} reads after a restart.
 */
final class RunnerLog {

    private static final Logger log = LoggerFactory.getLogger(RunnerLog.class);

    private final Path file;
    private final long deploymentId;
    private long reportedSize = -1;

    RunnerLog(Path file, long deploymentId) {
        this.file = file;
        this.deploymentId = deploymentId;
    }

    Path file() {
        return file;
    }

    /** The outcome line at the end of a log tail ({@code succeeded} or {@code failed: …}), or null. */
    static String outcome(String tail) {
        String[] lines = tail.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(MARK + SUCCEEDED) || line.startsWith(MARK + FAILED)) {
                return line.substring(MARK.length());
            }
            return null;
        }
        return null;
    }

    /** The outcome line, without a time stamp so that {@link #outcome(String)} finds it as written. */
    void writeOutcome(String text) {
        write(MARK + text);
    }

    void line(String text) {
        write(MARK + Instant.now() + " " + text);
    }

    /** The tail when the log grew since the last call: what the listener hears while a step runs. */
    Optional<String> newTail() {
        try {
            long size = Files.size(file);
            if (size != reportedSize) {
                reportedSize = size;
                return Optional.of(OutputTail.ofFile(file));
            }
        } catch (IOException e) {
            log.debug("Deployment {}: cannot read its log", deploymentId, e);
        }
        return Optional.empty();
    }

    String tail() {
        try {
            return OutputTail.ofFile(file);
        } catch (IOException e) {
            return MARK + "cannot read the log: " + e.getMessage();
        }
    }

    private void write(String text) {
        try {
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Deployment {}: cannot write its log {}", deploymentId, file, e);
        }
    }
}
