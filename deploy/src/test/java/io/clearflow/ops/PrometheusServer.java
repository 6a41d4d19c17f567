package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A real Prometheus server (Debian's binary) as a child process, configured from deploy/prometheus/prometheus.yml
 * with only what a test must change: the target (the test's platform), the scrape user and a password file, a
 * 1 s scrape interval, and the absolute path of the alert rules. Queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    /** One answer of /api/v1/query: an error, or the number of series (a scalar counts as one). */
    record Answer(String error, int series) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path log;
    private final String base;
    private volatile String evaluationTime; // epoch seconds of the latest successful scrape, once known
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts Prometheus scraping {@code target} with HTTP Basic of {@code user}, and waits until it is ready. */
    @SuppressWarnings("unchecked")
    static PrometheusServer start(Path dir, String target, String user, String password) throws IOException, InterruptedException {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(PrometheusConfigTest.PROMETHEUS.resolve("prometheus.yml"))) {
            config = new Yaml().load(reader);
        }
        ((Map<String, Object>) config.get("global")).putAll(Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));
        config.put("rule_files", List.of(PrometheusConfigTest.PROMETHEUS.resolve("alerts.yml").toAbsolutePath().toString()));
        Path passwordFile = Files.writeString(dir.resolve("scrape_password"), password);
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).as("scrape jobs of prometheus.yml").hasSize(1);
        Map<String, Object> job = jobs.get(0);
        job.put("scrape_interval", "1s");
        job.put("scrape_timeout", "1s");
        job.put("basic_auth", Map.of("username", user, "password_file", passwordFile.toString()));
        job.put("static_configs", List.of(Map.of("targets", List.of(target))));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path configFile = Files.writeString(dir.resolve("prometheus.yml"), new Yaml(options).dump(config));

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(PrometheusConfigTest.binary("prometheus"),
                "--config.file=" + configFile, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).withFailMessage("Prometheus stopped:%n%s", log()).isTrue();
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus not ready within 30 s:\n" + log());
    }

    /**
     * Waits until the target was scraped successfully {@code scrapes} times, and from then on evaluates every query at
     * the time of the latest successful scrape: a scrape that fails later (a loaded CI machine can take longer than
     * the 1 s timeout) marks every series stale, and a query evaluated after it would find none.
     */
    void awaitScrapes(int scrapes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode samples = query("up{job=\"clearflow\"}[5m]").path("data").path("result");
            int successful = 0;
            String latest = null;
            if (samples.size() == 1) {
                for (JsonNode sample : samples.get(0).path("values")) {
                    if ("1".equals(sample.path(1).asText())) {
                        successful++;
                        latest = sample.path(0).asText();
                    }
                }
            }
            if (successful >= scrapes) {
                evaluationTime = latest;
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + scrapes + " successful scrapes within 60 s; targets: "
                + body("/api/v1/targets") + "\n" + log());
    }

    /** Evaluates an instant query at the latest successful scrape (before {@link #awaitScrapes}: now). */
    Answer answer(String promQl) {
        JsonNode answer = query(promQl);
        if (!"success".equals(answer.path("status").asText())) {
            return new Answer(answer.path("errorType").asText() + ": " + answer.path("error").asText(), 0);
        }
        JsonNode data = answer.path("data");
        return new Answer(null, "vector".equals(data.path("resultType").asText()) || "matrix".equals(data.path("resultType").asText())
                ? data.path("result").size() : 1);
    }

    /** The value of a query answering one sample (a count, a sum); 0 when it answers none. */
    int count(String promQl) {
        JsonNode result = query(promQl).path("data").path("result");
        return result.size() == 0 ? 0 : (int) result.get(0).path("value").path(1).asDouble();
    }

    /** The values a label has on the series a selector matches, as Grafana's label_values(selector, label). */
    List<String> labelValues(String label, String selector) {
        JsonNode answer = json("/api/v1/label/" + label + "/values?match[]=" + encode(selector));
        List<String> values = new ArrayList<>();
        answer.path("data").forEach(v -> values.add(v.asText()));
        return values;
    }

    private JsonNode query(String promQl) {
        return json("/api/v1/query?query=" + encode(promQl) + (evaluationTime == null ? "" : "&time=" + evaluationTime));
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(body(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body(String path) {
        try {
            return get(path).body();
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus did not answer " + path + "\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops Prometheus and anything it started. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
