package io.clearflow.delivery.execution.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a step's command as a process in the deployment's folder, its output appended to the log: with only the
 * inherited environment and the {@code CF_*} values, no input, killed with its children on time-out or too much output.
 */
final class StepProcess {

    /** What a step's process inherits of the platform's environment; everything else (tokens, passwords) stays out. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ",
            "SystemRoot", "ComSpec", "PATHEXT", "TEMP", "TMP");

    private final Path folder;
    private final RunnerLog log;
    private final RunnerProperties properties;
    private final Runnable whileWaiting;

    /** @param whileWaiting called between waits for the process (reports the output so far) */
    StepProcess(Path folder, RunnerLog log, RunnerProperties properties, Runnable whileWaiting) {
        this.folder = folder;
        this.log = log;
        this.properties = properties;
        this.whileWaiting = whileWaiting;
    }

    /** The exit code; {@code limit} and {@code total} only word the time-out. */
    int execute(int line, List<String> arguments, Map<String, String> values, long nanos, Duration limit,
                boolean total) throws StepFailed, InterruptedException, IOException {
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
        Map<String, String> environment = builder.environment();
        environment.clear();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        });
        values.forEach((name, value) -> environment.put("CF_" + name.toUpperCase(), value));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StepFailed("step " + line + " could not start: " + e.getMessage());
        }
        process.getOutputStream().close(); // no input: a step that reads stdin sees its end
        long deadline = System.nanoTime() + nanos;
        long interval = Math.max(properties.outputInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(50));
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    kill(process);
                    throw new StepFailed("step " + line + " timed out after " + limit + (total ? " (total)" : ""));
                }
                if (process.waitFor(Math.min(left, interval), TimeUnit.NANOSECONDS)) {
                    return process.exitValue();
                }
                if (Files.size(log.file()) > properties.maxLog().toBytes()) {
                    kill(process);
                    throw new StepFailed("step " + line + " wrote more than " + properties.maxLog() + " of output");
                }
                whileWaiting.run();
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
    }

    /** Kills the step's whole process tree: a shell's children would otherwise outlive the timeout. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
