package io.clearflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault: a slow database. Another connection holds a review task's row locked ({@code SELECT … FOR UPDATE}) while six
 * clients try to decide that task. With a 2 s statement timeout each decision answers 503 with {@code Retry-After} and
 * a problem detail within the bound (never hanging, never 500), and meanwhile the platform serves everyone else: other
 * requests answer at their usual speed, because the blocked requests hold 6 of 12 connections and 6 of Tomcat's
 * threads only until the timeout. Once the lock is gone the decision goes through. Embedded PostgreSQL, loopback only.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flowable.async-executor-activate=false", "clearflow.data-dir=target/data-slow-db",
                "clearflow.identity.demo-organisation=true", "clearflow.bots.enabled=false",
                "clearflow.database.statement-timeout=2s", "spring.datasource.hikari.maximum-pool-size=12",
                "spring.datasource.hikari.connection-timeout=2000", "clearflow.security.api-rate.enabled=false"})
class SlowDatabaseTest {

    static final Duration BOUND = Duration.ofSeconds(2);
    static EmbeddedPostgres server = start();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE slow");
        }
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "slow"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void aLockedRowAnswers503WithinTheTimeoutAndOthersAreServedMeanwhile() throws Exception {
        HttpResponse<String> submitted = call("POST", "/api/approvals", "zhangsan",
                "{\"title\":\"慢数据库\",\"amount\":100,\"reason\":\"slow database\"}");
        assertThat(submitted.statusCode()).isEqualTo(201);
        String caseId = json.readTree(submitted.body()).path("caseId").asText();
        String taskId = jdbc.queryForObject("SELECT t.ID_ FROM ACT_RU_TASK t JOIN cf_approval_request r"
                + " ON r.process_instance_id = t.PROC_INST_ID_ WHERE r.title = '慢数据库'", String.class);
        String decision = "{\"approved\":true,\"comment\":\"ok\"}";

        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Long> blockedMillis = new ArrayList<>();
        List<Long> othersMillis = new ArrayList<>();
        try (Connection holder = server.getDatabase("postgres", "slow").getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT * FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE")) {
                lock.setString(1, taskId);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            List<Future<long[]>> blocked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                blocked.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> r = call("POST", "/api/approvals/tasks/" + taskId + "/decision", "lisi", decision);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    boolean problem = r.headers().firstValue("Content-Type").orElse("").contains("problem+json")
                            && r.headers().firstValue("Retry-After").isPresent();
                    return new long[] {r.statusCode(), millis, problem ? 1 : 0};
                }));
            }
            Thread.sleep(300); // the decisions are waiting for the lock now
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(call("GET", "/api/approvals/case/" + caseId, "zhangsan", null).statusCode()).isEqualTo(200);
                othersMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            for (Future<long[]> f : blocked) {
                long[] answer = f.get(30, TimeUnit.SECONDS);
                assertThat(answer[0]).as("a decision on the locked row").isEqualTo(503);
                assertThat(answer[2]).as("problem detail and Retry-After").isEqualTo(1);
                blockedMillis.add(answer[1]);
            }
            holder.rollback();
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("Slow database: 6 decisions on a locked row answered 503 in %s ms (timeout %d ms);"
                + " 10 other requests meanwhile in %s ms%n", blockedMillis, BOUND.toMillis(), othersMillis);
        // the timeout plus sign-in (a password hash per request) and the rollback on a loaded machine; without the
        // timeout they would wait for the lock, which the test holds until they have answered
        assertThat(blockedMillis).allSatisfy(ms -> assertThat(ms).isBetween(BOUND.toMillis() - 200, BOUND.toMillis() + 5_000));
        assertThat(othersMillis).as("served meanwhile, not queued behind the blocked requests")
                .allSatisfy(ms -> assertThat(ms).isLessThan(BOUND.toMillis()));
        assertThat(call("POST", "/api/approvals/tasks/" + taskId + "/decision", "lisi", decision).statusCode())
                .as("after the lock").isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id = ? AND scope = 'task'"
                + " AND lifecycle = 'complete'", Integer.class, caseId)).as("decided once").isEqualTo(1);
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
