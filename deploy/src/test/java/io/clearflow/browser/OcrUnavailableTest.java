package io.clearflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.accountopening.ResidentId;
import io.clearflow.bots.accountopening.SpecimenCard;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.reconciliation.DemoStatements;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform started as on a machine without Tesseract's data ({@code clearflow.ocr.tessdata=/nonexistent}): it
 * starts, stays healthy as a whole, and says in every place a user meets OCR that it is unavailable and what to
 * install: the health component {@code ocr}, the RPA console (checked in Chromium, in both languages), a 503 from
 * extraction for a scan (a text-layer PDF is still read), and the account-opening bot, which hands the case to a
 * person with that reason instead of failing the job.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:ocr-unavailable;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=true", "clearflow.data-dir=target/data",
                "clearflow.ocr.tessdata=/nonexistent",
                "clearflow.bots.reconciliation.folder=target/ocr-unavailable-statements",
                "clearflow.bots.bot.reconciliation.cron=", "clearflow.bots.bot.account-opening.cron="})
class OcrUnavailableTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession(1400, 1000);

    @LocalServerPort int port;
    @Autowired BotRuntime bots;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void healthStaysUpAndItsOcrComponentSaysWhyToAnyoneAndTheDetailsToOps() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/actuator/health", null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(anonymous.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/ocr/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(health.at("/components/ocr/description").asText()).contains("NO_DATA_FOLDER").contains("tesseract-ocr");
        assertThat(health.at("/components/ocr/details").isMissingNode()).as("no paths for anonymous callers").isTrue();

        JsonNode forOps = json.readTree(call("GET", "/actuator/health", "admin", null, null).body());
        assertThat(forOps.at("/components/ocr/details/reason").asText()).contains("/nonexistent");
        assertThat(forOps.at("/components/ocr/details/remedy").asText()).contains("apt-get install tesseract-ocr");

        assertThat(call("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void extractionOfAScanAnswers503WithWhatToInstallWhileATextLayerPdfIsStillRead() throws Exception {
        byte[] scan = DemoStatements.scan(DemoStatements.bankLines("6222020200001234567", "2025-06-30", "1,000.00", "1,500.00"));
        HttpResponse<String> zh = extract("wangwu", scan, "statement.png", "zh_CN");
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(503);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(zh.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:clearflow:rpa:ocr-unavailable");
        assertThat(problem.path("title").asText()).isEqualTo("OCR 不可用");
        assertThat(problem.path("detail").asText()).contains("找不到 Tesseract 语言数据目录 /nonexistent")
                .contains("请安装 tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng");
        assertThat(problem.path("install").asText()).isEqualTo("tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng");

        JsonNode en = json.readTree(extract("wangwu", scan, "statement.png", "en").body());
        assertThat(en.path("title").asText()).isEqualTo("OCR unavailable");
        assertThat(en.path("detail").asText()).contains("Tesseract data folder /nonexistent not found").contains("Install tesseract-ocr");

        byte[] pdf = DemoStatements.clearing("PB00999", "2025-06-30", "600036", "1,000", "35,000.00", "10.85", "35,010.85");
        HttpResponse<String> read = extract("wangwu", pdf, "statement.pdf", "zh_CN");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body()).path("type").asText()).isNotBlank();
    }

    @Test
    void theAccountOpeningBotHandsTheCaseToAPersonWithTheReasonInsteadOfFailingTheJob() throws Exception {
        String first17 = "11010519900101" + String.format("%03d", (int) (Math.random() * 1000));
        String id = first17 + ResidentId.checkCharacter(first17);
        HttpResponse<String> applied = apply("issuer01", "王小明", id, SpecimenCard.render("王小明", id, "北京市朝阳区", "png"));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode application = json.readTree(applied.body());
        String caseId = application.path("caseId").asText();

        var run = bots.await(bots.runNow("account-opening", "test").id(), Duration.ofSeconds(60));

        RunItem item = bots.items(run.id()).stream().filter(i -> caseId.equals(i.caseId())).findFirst().orElseThrow();
        assertThat(item.outcome()).isEqualTo("handed");
        assertThat(run.itemsFailed()).isZero();
        JsonNode read = json.readTree(call("GET", "/api/account-opening/" + application.path("id").asLong(), "admin", null, null).body());
        assertThat(read.path("findings").toString()).contains("OCR 不可用").contains("/nonexistent");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("manualReview").count() == 1);
        assertThat(management.createDeadLetterJobQuery().processInstanceId(caseId).count()).isZero();
    }

    @Test
    void theConsoleShowsBothBotsAsOcrUnavailableInBothLanguages() throws Exception {
        JsonNode api = json.readTree(call("GET", "/api/rpa/bots/account-opening", "sunqi", null, null).body());
        assertThat(api.at("/limitation/capability").asText()).isEqualTo("ocr");
        assertThat(api.at("/limitation/problem").asText()).isEqualTo("NO_DATA_FOLDER");

        Browser b = browser.get();
        b.signIn("sunqi");
        b.open("/rpa");
        assertThat(b.text(By.cssSelector("#bot-account-opening .bot-limitation")))
                .contains("OCR 不可用").contains("每个开户申请都将转人工审核").contains("找不到 Tesseract 语言数据目录 /nonexistent");
        assertThat(b.text(By.cssSelector("#bot-reconciliation .bot-limitation"))).contains("OCR 不可用").contains("转人工对账");
        b.screenshot("ocr-unavailable-console-zh");
        b.open("/rpa?lang=en");
        assertThat(b.text(By.cssSelector("#bot-account-opening .bot-limitation")))
                .contains("OCR unavailable").contains("every application goes to a person");
        b.screenshot("ocr-unavailable-console-en");
        b.open("/rpa?lang=zh_CN");
        b.signOut();
    }

    // --- helpers

    HttpResponse<String> extract(String user, byte[] file, String name, String language) throws Exception {
        // the platform's locale comes from ?lang= (kept in a cookie), Chinese by default, as on the pages
        return multipart("/api/rpa/documents/extract?lang=" + language, user, Map.of(), "file", name, file, language);
    }

    HttpResponse<String> apply(String user, String name, String idNumber, byte[] image) throws Exception {
        return multipart("/api/account-opening", user, Map.of("name", name, "idNumber", idNumber, "phone", "13800000000",
                "address", "北京市朝阳区"), "image", "card.png", image, "zh-CN");
    }

    HttpResponse<String> multipart(String path, String user, Map<String, String> fields, String part, String fileName,
                                   byte[] content, String language) throws Exception {
        String boundary = "----cf" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call("POST", path, user, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                List.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Accept-Language", language.replace('_', '-')));
    }

    HttpResponse<String> call(String method, String path, String user, HttpRequest.BodyPublisher body, List<String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (headers != null) {
            request.headers(headers.toArray(String[]::new));
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
