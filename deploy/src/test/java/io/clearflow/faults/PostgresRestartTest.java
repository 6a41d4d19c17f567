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
import java.util.UUID;
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
 * case a client was told about exists. The approval clients send each start with an {@code Idempotency-Key} and retry it
 * with the same key after a 503 (or a 409 while the first attempt still runs) until it is answered 201: every key ends
 * with exactly one approval, the one all its answers named, however many times it was sent. Bounded: about 14 s of
 * load, loopback only.
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
        long begun = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        Set<String> casesToldAbout = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> caseOfKey = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                String key = null;
                // an approval client finishes the request it started (retrying with the same key) before it stops
                while (running.get() || key != null) {
                    try {
                        if (client % 2 == 0 && key == null) {
                            key = UUID.randomUUID().toString();
                        }
                        HttpResponse<String> response = client % 2 == 0
                                ? call("POST", "/api/approvals", "zhangsan",
                                        "{\"title\":\"故障测试 " + key + "\",\"amount\":100,\"reason\":\"restart\"}", key)
                                : call("GET", "/api/tasks", "lisi", null, null);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            String caseId = json.readTree(response.body()).path("caseId").asText();
                            casesToldAbout.add(caseId);
                            String earlier = caseOfKey.putIfAbsent(key, caseId);
                            if (earlier != null && !earlier.equals(caseId)) {
                                unexpected.add("key " + key + " answered with two cases: " + earlier + ", " + caseId);
                            }
                            if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                                replayed.incrementAndGet();
                            }
                            key = null;
                        } else if (response.statusCode() == 503 || response.statusCode() == 409) {
                            if (response.headers().firstValue("Retry-After").isEmpty()
                                    || !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                                unexpected.add(response.statusCode() + " without Retry-After or problem detail: "
                                        + response.headers().map());
                            }
                            if (key != null) {
                                retried.incrementAndGet();
                                Thread.sleep(200); // then the same request again, with the same key
                            }
                        } else if (response.statusCode() != 200) {
                            unexpected.add(response.statusCode() + " " + response.body());
                            key = null;
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
        HttpResponse<String> readinessDuringOutage = call("GET", "/actuator/health/readiness", null, null, null);
        HttpResponse<String> loginDuringOutage = call("GET", "/api/me", "zhangsan", null, null);
        Thread.sleep(3_000);
        server = start(false);
        Thread.sleep(8_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long totalMillis = (System.nanoTime() - begun) / 1_000_000;

        assertThat(unexpected).as("answers other than 200/201/503 with Retry-After").isEmpty();
        assertThat(statuses).containsKey(503).containsKey(201);
        assertThat(readinessDuringOutage.statusCode()).isEqualTo(503);
        assertThat(readinessDuringOutage.body()).contains("OUT_OF_SERVICE");
        assertThat(loginDuringOutage.statusCode()).as("a password that could not be checked is not wrong").isEqualTo(503);
        assertThat(call("GET", "/actuator/health/readiness", null, null, null).statusCode()).as("ready again").isEqualTo(200);
        assertThat(call("GET", "/api/me", "zhangsan", null, null).statusCode()).isEqualTo(200);

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

        // retried requests were applied once: one approval per key, the one its answers named
        assertThat(retried.get()).as("some starts were retried with their key").isPositive();
        List<Map<String, Object>> perTitle = jdbc.queryForList("SELECT title, COUNT(*) AS n, MIN(process_instance_id) AS"
                + " case_id FROM cf_approval_request WHERE title LIKE '故障测试 %' GROUP BY title");
        assertThat(perTitle).as("one approval per idempotency key").allSatisfy(row ->
                assertThat(((Number) row.get("n")).intValue()).as(String.valueOf(row.get("title"))).isEqualTo(1));
        assertThat(perTitle).hasSize(caseOfKey.size());
        caseOfKey.forEach((key, caseId) -> assertThat(perTitle).anySatisfy(row -> {
            assertThat(row.get("title")).isEqualTo("故障测试 " + key);
            assertThat(row.get("case_id")).isEqualTo(caseId);
        }));
        System.out.printf("PostgreSQL restart mid-load: answers %s; %d approvals started, all consistent; %d retries with"
                + " the same key, %d answered from the key; %d ms%n", statuses, rows.size(), retried.get(), replayed.get(),
                totalMillis);
    }

    HttpResponse<String> call(String method, String path, String user, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
