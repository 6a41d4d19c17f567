package io.clearflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers on every kind of answer: the login page, a signed-in page, an error page, a stylesheet, API JSON,
 * an API refusal, actuator, and Flowable's external-worker servlet. Pages carry the CSP with {@code frame-ancestors};
 * everything carries nosniff, same-origin framing and the referrer policy; HSTS only on requests that came over TLS
 * (here: through a local proxy saying {@code X-Forwarded-Proto: https}).
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:security-headers;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data-headers", "clearflow.bots.enabled=false"})
class SecurityHeadersTest {

    @LocalServerPort int port;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyKindOfAnswerCarriesTheHeaders() throws Exception {
        signIn("zhangsan");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("login page", send(get("/login")));
        answers.put("signed-in page", send(get("/")));
        answers.put("error page", send(get("/cases/no-such-case")));
        answers.put("stylesheet", send(get("/css/clearflow.css")));
        answers.put("API", send(get("/api/me").header("Authorization", basic("lisi"))));
        answers.put("API refusal", HttpClient.newHttpClient().send(get("/api/me").build(), HttpResponse.BodyHandlers.ofString()));
        answers.put("actuator", send(get("/actuator/health")));
        answers.put("external-worker API", HttpClient.newHttpClient().send(
                get("/external-job-api/acquire/jobs").build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(answers.get("signed-in page").statusCode()).isEqualTo(200);
        assertThat(answers.get("error page").statusCode()).isEqualTo(404);
        assertThat(answers.get("API refusal").statusCode()).isEqualTo(401);
        answers.forEach((kind, answer) -> {
            var headers = answer.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(kind).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(kind).contains("SAMEORIGIN");
            assertThat(headers.firstValue("Referrer-Policy")).as(kind).contains("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(kind + " over plain HTTP").isEmpty();
        });
        for (String page : new String[] {"login page", "signed-in page", "error page"}) {
            assertThat(answers.get(page).headers().firstValue("Content-Security-Policy")).as(page).get().asString()
                    .contains("frame-ancestors 'self'").contains("script-src 'self'").doesNotContain("unsafe-eval");
        }

        for (String path : new String[] {"/login", "/api/me", "/actuator/health"}) {
            HttpResponse<String> overTls = send(get(path).header("X-Forwarded-Proto", "https").header("Authorization", basic("lisi")));
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as(path + " over TLS").get().asString()
                    .contains("max-age=31536000").contains("includeSubDomains");
        }
    }

    void signIn(String user) throws Exception {
        String form = send(get("/login")).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
