package io.clearflow.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.bots.accountopening.ResidentId;
import io.clearflow.bots.accountopening.SpecimenCard;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Account opening (开户) end to end over HTTP: an investor applies, the account-opening bot (run now)
 * checks with the real Tesseract, and the engine opens the account or hands the case to 账户管理部.
 * Bad inputs tried: a corrupt image (PNG header, garbage after), a 0-byte file, a PDF posing as the
 * image, a 6 MB file, a malformed ID number and phone; roles tried: a developer applying, business
 * users and investors on the bot's endpoints, an investor reading another's application.
 */
class AccountOpeningEndToEndTest extends RpaPlatformTest {

    @Autowired BotRuntime bots;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();

    /** A valid ID number nobody used yet in this context (unique sequence digits), born in 1990. */
    static String freshId() {
        String first17 = "11010519900101" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void aCleanApplicationIsOpenedByTheBotAndASecondOneForTheSameIdGoesToAPerson() throws Exception {
        String id = uniqueId();
        JsonNode application = apply("issuer01", "王小明", id, SpecimenCard.render("王小明", id, "北京市朝阳区建国路1号", "png"));
        String caseId = application.path("caseId").asText();

        RunReport run = runBot();

        assertThat(itemOf(run, caseId).outcome()).isEqualTo("done");
        awaitEnded(caseId);
        assertThat(endActivity(caseId)).isEqualTo("accountOpened");
        JsonNode opened = json.readTree(call("GET", "/api/account-opening/" + application.path("id").asLong(), "issuer01", null).body());
        assertThat(opened.path("status").asText()).isEqualTo("opened");
        assertThat(opened.path("accountNo").asText()).startsWith("CF");
        assertThat(opened.path("checkPassed").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT opened_by FROM ao_account WHERE id_number = ?", String.class, id)).isEqualTo("rpa-bot");

        JsonNode again = apply("zhaoliu", "王小明", id, SpecimenCard.render("王小明", id, "北京市朝阳区建国路1号", "png"));
        RunReport second = runBot();
        assertThat(itemOf(second, again.path("caseId").asText()).outcome()).isEqualTo("handed");
        assertThat(findings(again)).anySatisfy(f -> assertThat(f).contains("已开户").contains(opened.path("accountNo").asText()));
    }

    @Test
    void aCardWithAnotherNameGoesToAccountManagementWhoOpensIt() throws Exception {
        String id = uniqueId();
        JsonNode application = apply("issuer01", "王大明", id, SpecimenCard.render("王小明", id, "北京市", "png"));
        String caseId = application.path("caseId").asText();

        RunReport run = runBot();

        assertThat(itemOf(run, caseId).outcome()).isEqualTo("handed");
        assertThat(findings(application)).anySatisfy(f -> assertThat(f).contains("王小明").contains("王大明"));
        var task = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("manualReview");
        assertThat(call("POST", "/api/account-opening/tasks/" + task.getId() + "/decision", "zhangsan",
                "{\"open\":true}").statusCode()).as("only 账户管理部 decides; another department's task is not found")
                .isEqualTo(404);

        var decided = call("POST", "/api/account-opening/tasks/" + task.getId() + "/decision", "zhaoliu",
                "{\"open\":true,\"comment\":\"核对原件一致，曾用名\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        awaitEnded(caseId);
        assertThat(endActivity(caseId)).isEqualTo("accountOpened");
        assertThat(jdbc.queryForObject("SELECT opened_by FROM ao_account WHERE id_number = ?", String.class, id)).isEqualTo("zhaoliu");
    }

    @Test
    void aWatchListedInvestorIsHandedOverAndCanBeRejected() throws Exception {
        String watched = "11010519491231002X"; // on the watch list of RpaPlatformTest's configuration
        JsonNode application = apply("issuer01", "李四海", watched, SpecimenCard.render("李四海", watched, "上海市", "jpg"));
        String caseId = application.path("caseId").asText();

        RunReport run = runBot();

        assertThat(itemOf(run, caseId).outcome()).isEqualTo("handed");
        assertThat(findings(application)).anySatisfy(f -> assertThat(f).contains("关注名单"));
        var task = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        assertThat(call("POST", "/api/account-opening/tasks/" + task.getId() + "/decision", "zhaoliu",
                "{\"open\":false,\"comment\":\"关注名单\"}").statusCode()).isEqualTo(204);
        awaitEnded(caseId);
        assertThat(endActivity(caseId)).isEqualTo("accountRejected");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ao_account WHERE application_id = ?", Integer.class,
                application.path("id").asLong())).isZero();
    }

    @Test
    void badUploadsAndFormsAreRefusedAndChangeNothing() throws Exception {
        String id = uniqueId();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ao_application", Integer.class);
        byte[] corrupt = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, corrupt, 0, 8);
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] oversized = new byte[6 * 1024 * 1024];
        System.arraycopy(SpecimenCard.render("王小明", id, "北京市", "png"), 0, oversized, 0, 100);

        for (byte[] bad : List.of(corrupt, new byte[0], pdf, oversized)) {
            var response = applyRaw("issuer01", "王小明", id, "13800000000", bad);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("image");
        }
        var badForm = applyRaw("issuer01", "王小明", "12345", "12", SpecimenCard.render("王小明", id, "北京市", "png"));
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(badForm.body()).contains("idNumber").contains("phone");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ao_application", Integer.class)).isEqualTo(before);
    }

    @Test
    void rolesDecideWhoAppliesAndWhoReadsWhat() throws Exception {
        String id = uniqueId();
        var developer = applyRaw("wujiu", "王小明", id, "13800000000", SpecimenCard.render("王小明", id, "北京市", "png"));
        assertThat(developer.statusCode()).isEqualTo(403);

        JsonNode application = apply("issuer01", "王小明", id, SpecimenCard.render("王小明", id, "北京市", "png"));
        long appId = application.path("id").asLong();
        assertThat(call("GET", "/api/account-opening/bot/applications/" + appId, "zhangsan", null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/account-opening/bot/applications/" + appId, "issuer01", null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/account-opening/bot/accounts?idNumber=" + id, "admin", null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/account-opening/" + appId, "wangwu", null).statusCode()).as("another department").isEqualTo(404);
        assertThat(call("GET", "/api/account-opening/" + appId + "/id-image", "issuer01", null).statusCode()).isEqualTo(200);
        runBot(); // leaves nothing behind for the other tests
    }

    // --- helpers

    static final java.util.Set<String> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static String uniqueId() {
        String id;
        do {
            id = freshId();
        } while (!USED.add(id));
        return id;
    }

    RunReport runBot() throws Exception {
        return bots.await(bots.runNow("account-opening", "test").id(), Duration.ofSeconds(120));
    }

    RunItem itemOf(RunReport run, String caseId) {
        return bots.items(run.id()).stream().filter(i -> caseId.equals(i.caseId())).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run + " did not work on case " + caseId + ": " + bots.items(run.id())));
    }

    List<String> findings(JsonNode application) throws Exception {
        JsonNode fresh = json.readTree(call("GET", "/api/account-opening/" + application.path("id").asLong(), "admin", null).body());
        return json.convertValue(fresh.path("findings"), json.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    JsonNode apply(String user, String name, String idNumber, byte[] image) throws Exception {
        HttpResponse<String> response = applyRaw(user, name, idNumber, "13800000000", image);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    HttpResponse<String> applyRaw(String user, String name, String idNumber, String phone, byte[] image) throws Exception {
        String boundary = "----cf" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : Map.of("name", name, "idNumber", idNumber, "phone", phone, "address", "北京市朝阳区").entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account-opening"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
