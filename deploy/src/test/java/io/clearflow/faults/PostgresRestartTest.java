package io.clearflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Fault: PostgreSQL restarted in the middle of load. Eight clients start approvals and read inboxes over HTTP Basic while
 * the embedded server is stopped for about four seconds and started again on the same port and data directory. What must
 * hold: every answer is a success or a 503 with {@code Retry-After} and a problem detail (never 401 for a correct
 * password, never 500); readiness is {@code OUT_OF_SERVICE} during the outage and {@code UP} after it; the platform
 * recovers by itself; and nothing is half-written: every approval row has its process instance and its events, and every
 * case a client was told about exists. Bounded: about 14 s of load, loopback only.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flowable.async-executor-activate=false", "clearflow.data-dir=target/data-faults",
                "clearflow.identity.demo-organisation=true", "clearflow.bots.enabled=false",
                // fail fast while the server is down, so that requests answer 503 within a bounded time
                "spring.datasource.hikari.connection-timeout=2000", "spring.datasource.hikari.validation-timeout=1000",
                "spring.datasource.hikari.maximum-pool-size=12",
                // the clients retry as fast as they are answered: the rate limit is another test's subject (AbuseTest)
                "clearflow.security.api-rate.enabled=false"})
class PostgresRestartTest {

    static final Path DATA = Path.of("target", "faults-postgres").toAbsolutePath();
    static final int PORT = freePort();
    static EmbeddedPostgres server = start(true);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE faults");
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/faults");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    static EmbeddedPostgres start(boolean fresh) {
        try {
            if (fresh) {
                FileSystemUtils.deleteRecursively(DATA);
                Files.createDirectories(DATA);
            }
            return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void aRestartMidLoadAnswers503AndLosesNothing() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        Set<String> casesToldAbout = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = client % 2 == 0
                                ? call("POST", "/api/approvals", "zhangsan",
                                        "{\"title\":\"故障测试\",\"amount\":100,\"reason\":\"restart\"}")
                                : call("GET", "/api/tasks", "lisi", null);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            casesToldAbout.add(json.readTree(response.body()).path("caseId").asText());
                        } else if (response.statusCode() == 503) {
                            if (response.headers().firstValue("Retry-After").isEmpty()
                                    || !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                                unexpected.add("503 without Retry-After or problem detail: " + response.headers().map());
                            }
                        } else if (response.statusCode() != 200) {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        unexpected.add("no answer: " + e);
                    }
                }
                return null;
            });
        }

        Thread.sleep(2_000);
        server.close();
        Thread.sleep(1_000);
        HttpResponse<String> readinessDuringOutage = call("GET", "/actuator/health/readiness", null, null);
        HttpResponse<String> loginDuringOutage = call("GET", "/api/me", "zhangsan", null);
        Thread.sleep(3_000);
        server = start(false);
        Thread.sleep(8_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(unexpected).as("answers other than 200/201/503 with Retry-After").isEmpty();
        assertThat(statuses).containsKey(503).containsKey(201);
        assertThat(readinessDuringOutage.statusCode()).isEqualTo(503);
        assertThat(readinessDuringOutage.body()).contains("OUT_OF_SERVICE");
        assertThat(loginDuringOutage.statusCode()).as("a password that could not be checked is not wrong").isEqualTo(503);
        assertThat(call("GET", "/actuator/health/readiness", null, null).statusCode()).as("ready again").isEqualTo(200);
        assertThat(call("GET", "/api/me", "zhangsan", null).statusCode()).isEqualTo(200);

        // nothing half-written: rows, instances and events agree, and every case a client heard of exists
        List<String> rows = jdbc.queryForList("SELECT process_instance_id FROM cf_approval_request", String.class);
        assertThat(rows).doesNotContainNull().doesNotHaveDuplicates();
        Integer instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d"
                + " ON p.PROC_DEF_ID_ = d.ID_ WHERE d.KEY_ = 'referenceApproval'", Integer.class);
        assertThat(instances).isEqualTo(rows.size());
        List<String> started = jdbc.queryForList("SELECT DISTINCT case_id FROM cf_event_log WHERE process_key ="
                + " 'referenceApproval' AND scope = 'process' AND lifecycle = 'start'", String.class);
        assertThat(new ArrayList<>(started)).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(rows).containsAll(casesToldAbout);
        System.out.printf("PostgreSQL restart mid-load: answers %s; %d approvals started, all consistent%n", statuses, rows.size());
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
