package io.clearflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Abuse: password guessing and request floods over the API.
 *
 * <p>Password guessing over HTTP Basic. After five wrong passwords a user name is locked (here for 3 s): even the
 * right password is refused with 429 and {@code Retry-After} without being checked; other users from the same address
 * and API tokens of the guessed account go on working; after the lock the right password works again; the lock is in
 * the security audit ({@code /actuator/auditevents}, admins and ops only) and counted in {@code clearflow.login.locks}.
 *
 * <p>A flood from one client: past its burst (here 5 requests, refilled at 1 per second) it gets 429 with
 * {@code Retry-After}, other clients do not, and after the wait it is served again.
 *
 * <p>Parallel uploads from one client: past {@code clearflow.security.uploads.max-concurrent} (2) running at once, 429.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:login-throttling;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-throttling",
                "clearflow.bots.enabled=false",
                "clearflow.security.login.free-failures=10", "clearflow.security.login.lock-after=5",
                "clearflow.security.login.lock-duration=PT3S",
                "clearflow.security.api-rate.per-second=1", "clearflow.security.api-rate.burst=5"})
class AbuseTest {

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void fiveWrongPasswordsLockTheNameForAWhileAndNothingElse() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(me("wangwu", "guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = me("wangwu", "demo");
        assertThat(locked.statusCode()).as("the right password, but locked").isEqualTo(429);
        assertThat(Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 3);
        assertThat(json.readTree(locked.body()).path("type").asText()).isEqualTo("urn:clearflow:login-throttled");
        assertThat(me("lisi", "demo").statusCode()).as("another user from the same address").isEqualTo(200);

        // someone guesses the bot's password: its API token is not affected
        String token = json.readTree(call("POST", "/api/admin/bots/rpa-bot/tokens", basic("admin", "demo"),
                "{\"name\":\"throttling test\"}").body()).path("token").asText();
        assertThat(token).startsWith("cf_");
        for (int i = 0; i < 6; i++) {
            me("rpa-bot", "guess" + i);
        }
        assertThat(me("rpa-bot", "guess").statusCode()).isEqualTo(429);
        assertThat(call("GET", "/api/me", "Bearer " + token, null).statusCode()).isEqualTo(200);

        Thread.sleep(Duration.ofMillis(3_200).toMillis());
        assertThat(me("wangwu", "demo").statusCode()).as("after the lock").isEqualTo(200);

        HttpResponse<String> audit = call("GET", "/actuator/auditevents?type=LOGIN_LOCKED", basic("admin", "demo"), null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"principal\":\"wangwu\"").contains("\"principal\":\"rpa-bot\"");
        assertThat(call("GET", "/actuator/auditevents", basic("zhangsan", "demo"), null).statusCode()).isEqualTo(403);
        assertThat(meters.get("clearflow.login.locks").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("clearflow.login.failures").counter().count()).as("5 + 5 checked; refused attempts are not checked").isEqualTo(10);
    }

    @Test
    void aFloodFromOneClientIsSlowedAndNoOneElse() throws Exception {
        int served = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> response = me("zhaoliu", "demo");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                served++;
            }
        }
        assertThat(refused).as("refused within forty quick requests").isNotNull();
        assertThat(served).isGreaterThanOrEqualTo(5); // the burst, plus what refilled meanwhile
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(new ObjectMapper().readTree(refused.body()).path("type").asText()).isEqualTo("urn:clearflow:rate-limited");
        assertThat(me("zhouba", "demo").statusCode()).as("another client").isEqualTo(200);
        Thread.sleep(1_100);
        assertThat(me("zhaoliu", "demo").statusCode()).as("after the wait").isEqualTo(200);
        assertThat(meters.get("clearflow.api.throttled").counter().count()).isGreaterThanOrEqualTo(1);
    }

    /**
     * Two uploads of one user held open (a raw connection sends the headers and half the body, then stalls, as a slow
     * client would): a third is refused at once with 429 and {@code Retry-After}, before its body is read; another
     * user's upload goes on; once the held ones end, the user may upload again.
     */
    @Test
    @org.junit.jupiter.api.Timeout(90)
    void aThirdConcurrentUploadOfOneUserIs429() throws Exception {
        String boundary = "----abuse";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncase,activity,timestamp\nC1,open,2026-01-01T08:00:00Z\r\n--" + boundary + "--\r\n";
        java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", port);
                held.add(socket);
                String head = "POST /api/mining/logs HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                        + basic("sunqi", "demo") + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                        + "\r\nContent-Length: " + (part.length() + 100_000) + "\r\n\r\n";
                socket.getOutputStream().write((head + part.substring(0, 40)).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            Thread.sleep(1_500); // both are in, waiting for the rest of their bodies
            long start = System.nanoTime();
            HttpResponse<String> third = upload("sunqi", boundary, part);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(json.readTree(third.body()).path("type").asText()).isEqualTo("urn:clearflow:uploads-limited");
            assertThat(millis).as("refused without waiting for the held uploads").isLessThan(5_000);
            assertThat(upload("admin", boundary, part).statusCode()).as("another user's upload").isNotEqualTo(429);
        } finally {
            for (java.net.Socket socket : held) {
                socket.close(); // the held uploads end (their body is cut off)
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> upload("sunqi", boundary, part).statusCode() != 429);
        assertThat(meters.get("clearflow.uploads.throttled").counter().count()).isGreaterThanOrEqualTo(1);
    }

    HttpResponse<String> upload(String user, String boundary, String part) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mining/logs"))
                .timeout(java.time.Duration.ofSeconds(30)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(part)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> me(String user, String password) throws Exception {
        return call("GET", "/api/me", basic(user, password), null);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
