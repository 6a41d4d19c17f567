package io.clearflow.delivery.execution.runner;

import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.ExecutionListener;
import io.clearflow.delivery.execution.OutputTail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment on the embedded runner: a fresh working folder, the artifact's digest checked before
 * anything runs, then the steps one after the other, each with the time left of its own and the total limit.
 * Step output (stdout and stderr) goes to {@code deployment.log} in the folder; the runner's own lines start
 * with {@code [clearflow] } and the last one is the outcome ({@code succeeded} or {@code failed: <reason>}),
 * which is what {@link EmbeddedRunner#resume} looks for after a restart.
 */
final class RunnerJob implements Runnable {

    static final String LOG = "deployment.log";
    static final String MARK = "[clearflow] ";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed: ";

    /** What a step's process inherits of the platform's environment; everything else (tokens, passwords) stays out. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ",
            "SystemRoot", "ComSpec", "PATHEXT", "TEMP", "TMP");

    private static final Logger log = LoggerFactory.getLogger(RunnerJob.class);

    private final DeploymentOrder order;
    private final ExecutionListener listener;
    private final RunnerProperties properties;
    private final Path dataDir;
    private final Path root;
    private Path folder;
    private Path logFile;
    private long reportedSize = -1;

    RunnerJob(DeploymentOrder order, ExecutionListener listener, RunnerProperties properties, Path dataDir, Path root) {
        this.order = order;
        this.listener = listener;
        this.properties = properties;
        this.dataDir = dataDir;
        this.root = root;
    }

    /** The step could not finish: the reason ends up as the outcome line. */
    private static final class StepFailed extends Exception {
        StepFailed(String reason) {
            super(reason);
        }
    }

    @Override
    public void run() {
        long id = order.deploymentId();
        try {
            Files.createDirectories(root);
            folder = Files.createTempDirectory(root, "deployment-" + id + "-");
            logFile = folder.resolve(LOG);
            Files.createFile(logFile);
        } catch (IOException e) {
            log.error("Deployment {}: cannot create its working folder under {}", id, root, e);
            safely(() -> listener.finished(id, false, MARK + FAILED + "cannot create the working folder: " + e.getMessage()));
            return;
        }
        safely(() -> listener.running(id, folder.toString()));
        try {
            deploy();
            writeOutcome(SUCCEEDED);
            safely(() -> listener.finished(id, true, tail()));
        } catch (StepFailed e) {
            writeOutcome(FAILED + e.getMessage());
            safely(() -> listener.finished(id, false, tail()));
        } catch (InterruptedException e) {
            // the platform is stopping: no outcome line, so resume reports it interrupted
            line("interrupted: the platform is stopping");
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.error("Deployment {} failed in the runner itself", id, e);
            writeOutcome(FAILED + "runner error: " + e);
            safely(() -> listener.finished(id, false, tail()));
        }
    }

    private void deploy() throws StepFailed, InterruptedException, IOException {
        line("deployment " + order.deploymentId() + " of " + order.system() + " to " + order.environment()
                + ", artifact " + order.artifactName() + " sha256 " + order.artifactSha256());
        checkName(order.artifactName());
        Duration total = duration("timeout", properties.timeout());
        Duration perStep = duration("step-timeout", total);
        Steps steps;
        try {
            steps = Steps.parse(order.settings().getOrDefault("steps", DefaultSteps.TEXT));
        } catch (IllegalArgumentException e) {
            throw new StepFailed(e.getMessage());
        }
        Path target = target();
        verify(order.artifactFile(), order.artifactSha256(), "the artifact");
        Map<String, String> values = values(target);
        long deadline = System.nanoTime() + total.toNanos();
        for (Steps.Step step : steps.list()) {
            List<String> arguments = step.resolve(values);
            line("step " + step.line() + ": " + display(arguments));
            if (step.builtIn()) {
                builtIn(step.line(), arguments);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StepFailed("timed out after " + total + " (total) before step " + step.line());
            }
            boolean totalBinds = left < perStep.toNanos();
            Duration limit = totalBinds ? total : perStep;
            int exit = execute(step.line(), arguments, values, Math.min(left, perStep.toNanos()), limit, totalBinds);
            if (exit != 0) {
                throw new StepFailed("step " + step.line() + " exited with code " + exit);
            }
        }
    }

    private int execute(int line, List<String> arguments, Map<String, String> values, long nanos, Duration limit,
                        boolean total) throws StepFailed, InterruptedException, IOException {
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
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
                if (Files.size(logFile) > properties.maxLog().toBytes()) {
                    kill(process);
                    throw new StepFailed("step " + line + " wrote more than " + properties.maxLog() + " of output");
                }
                reportOutput();
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

    private void builtIn(int line, List<String> arguments) throws StepFailed, IOException {
        Path first = folder.resolve(arguments.get(1)).normalize();
        switch (arguments.get(0)) {
            case "@copy" -> {
                Path to = folder.resolve(arguments.get(2)).normalize();
                if (!Files.isRegularFile(first)) {
                    throw new StepFailed("step " + line + ": " + first + " is not a file");
                }
                Files.createDirectories(to.toAbsolutePath().getParent());
                // copy beside the target, then move: whoever reads the target never sees half a file
                Path part = to.resolveSibling(to.getFileName() + ".part");
                Files.copy(first, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                line("copied " + Files.size(to) + " bytes to " + to);
            }
            case "@sha256" -> {
                verify(first, arguments.get(2), first.toString());
                line(first + ": SHA-256 OK");
            }
            default -> throw new StepFailed("step " + line + ": unknown built-in " + arguments.get(0));
        }
    }

    private static void verify(Path file, String expected, String what) throws StepFailed, IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new StepFailed(what + " is missing" + (file == null ? "" : ": " + file));
        }
        String actual = sha256(file);
        if (expected == null || !actual.equalsIgnoreCase(expected.strip())) {
            throw new StepFailed("SHA-256 mismatch for " + what + ": expected " + expected + ", found " + actual
                    + "; nothing was run");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An artifact name must be a plain file name: steps put it into paths ({@code {target}/{name}}) and argument
     * lists, where a separator would escape the target folder and a leading dash would read as an option.
     */
    static void checkName(String name) throws StepFailed {
        boolean plain = name != null && !name.isBlank() && name.length() <= 255 && !name.equals(".")
                && !name.equals("..") && !name.startsWith("-") && name.chars().noneMatch(c -> c == '/' || c == '\\'
                || c < 0x20 || c == 0x7f);
        if (!plain) {
            throw new StepFailed("the artifact name " + (name == null ? null : "'" + name.replaceAll("\\p{Cntrl}", "?")
                    + "'") + " is not a plain file name; nothing was run");
        }
    }

    private Path target() throws StepFailed {
        String setting = order.settings().get("target");
        String folderName = setting == null || setting.isBlank()
                ? "delivery/deployed/" + order.system() + "/" + order.environment() : setting.strip();
        Path target = dataDir.resolve(folderName).normalize();
        if (!Path.of(folderName).isAbsolute() && !target.startsWith(dataDir)) {
            throw new StepFailed("the target folder " + folderName + " leaves the data folder");
        }
        return target;
    }

    private Map<String, String> values(Path target) {
        Map<String, String> values = new HashMap<>();
        values.put("artifact", order.artifactFile().toAbsolutePath().toString());
        values.put("sha256", order.artifactSha256());
        values.put("name", order.artifactName());
        values.put("environment", nullToEmpty(order.environment()));
        values.put("system", nullToEmpty(order.system()));
        values.put("change", nullToEmpty(order.changeKey()));
        values.put("version", nullToEmpty(order.version()));
        values.put("target", target.toString());
        values.put("deployment", String.valueOf(order.deploymentId()));
        return values;
    }

    private Duration duration(String setting, Duration fallback) throws StepFailed {
        String value = order.settings().get(setting);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new StepFailed(setting + " must be positive: " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new StepFailed(setting + " is not an ISO-8601 duration such as PT10M: " + value);
        }
    }

    /** How a step is shown in the log: arguments with blanks or quotes in single quotes. */
    static String display(List<String> arguments) {
        return arguments.stream()
                .map(a -> a.isEmpty() || a.matches(".*[\\s'\"\\\\$`;|&<>(){}*?!#].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" "));
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
    private void writeOutcome(String text) {
        write(MARK + text);
    }

    private void line(String text) {
        write(MARK + Instant.now() + " " + text);
    }

    private void write(String text) {
        try {
            Files.writeString(logFile, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Deployment {}: cannot write its log {}", order.deploymentId(), logFile, e);
        }
    }

    private void reportOutput() {
        try {
            long size = Files.size(logFile);
            if (size != reportedSize) {
                reportedSize = size;
                String tail = OutputTail.ofFile(logFile);
                safely(() -> listener.output(order.deploymentId(), tail));
            }
        } catch (IOException e) {
            log.debug("Deployment {}: cannot read its log", order.deploymentId(), e);
        }
    }

    private String tail() {
        try {
            return OutputTail.ofFile(logFile);
        } catch (IOException e) {
            return MARK + "cannot read the log: " + e.getMessage();
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("Deployment {}: the execution listener failed", order.deploymentId(), e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
