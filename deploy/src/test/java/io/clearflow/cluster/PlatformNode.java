package io.clearflow.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One platform node in a JVM of its own, started the way production starts it: {@code ClearFlowApplication} with the
 * {@code postgres,kafka} profiles and its settings in the environment variables the compose file and the Kubernetes
 * manifests set ({@code CLEARFLOW_DB_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code PORT}, ...). Its classpath is the
 * test JVM's without the test classes and test jars (they hold test-only beans that would join the node's context), plus
 * a folder of extra BPMN the node deploys. {@link #kill()} is {@code kill -9}; {@link #stop()} a graceful shutdown.
 */
public final class PlatformNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    /** Quick start over peak speed: a test node lives for a minute or two. */
    private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private Process process;

    PlatformNode(String name, Map<String, String> environment, List<String> arguments, Path logFolder) {
        this(name, freePort(), environment, arguments, logFolder);
    }

    private PlatformNode(String name, int port, Map<String, String> environment, List<String> arguments, Path logFolder) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
        this.log = logFolder.resolve(name + ".log");
    }

    /** JVM options instead of the quick-start ones (a benchmark wants the optimising compiler). */
    public PlatformNode jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady(Duration)}). A node started again keeps its port. */
    public PlatformNode start(Path extraClasspath) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", extraClasspath + File.pathSeparator + nodeClasspath(), "io.clearflow.ClearFlowApplication"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        process = builder.start();
        Process started = process;
        // a test JVM that ends early (timeout, Ctrl-C) takes its nodes with it instead of leaving them running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        return this;
    }

    /** Waits for a JVM that ends by itself (the migration step); returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(name + " still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; fails early when the JVM exits. */
    public PlatformNode awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** kill -9: no shutdown hook runs, nothing is unlocked or flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** CPU time the node's JVM has used so far (all its threads), zero when not running. */
    public Duration cpu() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * The test JVM's classpath minus test classes and test jars: what {@code java -jar clearflow.jar} has on its
     * classpath, plus the test-scoped libraries (none of them adds Spring configuration).
     */
    static String nodeClasspath() {
        return String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                .filter(entry -> !entry.contains("surefire"))
                .toList());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
