package io.clearflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.reconciliation.ReconciliationConfirmationService;
import io.clearflow.engine.security.ApiTokenService;
import io.clearflow.engine.work.WorkService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.util.List;

/**
 * The reconciliation bot end to end: the platform's embedded bot, run now from its console API, fetches from its
 * folder, classify, extract, match against the platform's records, open confirmation tasks in 清算交收部; a clearing
 * user confirms one with a correction, which is kept and counted. The run report has one item per statement.
 * Bad inputs tried: a duplicate delivery under another name, a 0-byte file, a truncated PDF, an unknown document
 * type, a statement whose totals do not add up, a statement the platform has no record of, a mismatch, a submission
 * by a non-bot user, a malformed result, run now while paused; on the extraction endpoint: 0-byte, truncated PDF, a user without the role.
 */
@AutoConfigureMockMvc
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:recon-e2e;DB_CLOSE_DELAY=-1",
                "flowable.async-executor-activate=false", "clearflow.data-dir=target/data",
                // on demand only here: the schedule is tested in RpaPlatformTest's context (ReconciliationBotScheduleTest)
                "clearflow.bots.bot.reconciliation.cron="})
class ReconciliationEndToEndTest {

    /** The embedded reconciliation bot's folder: a fresh one per test JVM. */
    static final Path inbox = temporaryFolder();

    @DynamicPropertySource
    static void statementsFolder(DynamicPropertyRegistry registry) {
        registry.add("clearflow.bots.reconciliation.folder", inbox::toString);
    }

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired ReconciliationConfirmationService confirmations;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired BotRuntime bots;

    @Test
    void theEmbeddedBotReconcilesABatchAndAPersonConfirmsWithACorrection() throws Exception {
        String token = tokens.issue("rpa-bot", "recon-e2e").token();
        Member admin = directory.member("admin").orElseThrow();
        confirmations.book(admin, "bank_statement", "6222000011112222|2025-04-30", Map.of("account_no", "6222000011112222",
                "statement_date", "2025-04-30", "opening_balance", "1000.00", "closing_balance", "1150.00"));
        confirmations.book(admin, "clearing_settlement", "PB00077|2025-04-29|600519", Map.of("quantity", "500",
                "fees", "31.00", "net_amount", "100031.00"));

        byte[] matched = DemoStatements.bank("6222000011112222", "2025-04-30", "1,000.00", "1,150.00",
                "2025/04/02 Demo Fund CR 200.00", "2025/04/09 Demo Broker DR 50.00");
        Files.write(inbox.resolve("a-matched.pdf"), matched);
        Files.write(inbox.resolve("b-duplicate-of-a.pdf"), matched);
        Files.write(inbox.resolve("c-mismatch.pdf"), DemoStatements.clearing("PB00077", "2025-04-29", "600519", "600",
                "100,000.00", "31.00", "100,031.00"));
        Files.write(inbox.resolve("d-totals.pdf"), DemoStatements.bank("6222000033334444", "2025-04-30", "1,000.00",
                "9,999.00", "2025/04/02 Demo Fund CR 200.00"));
        Files.write(inbox.resolve("e-unknown.pdf"), DemoStatements.pdf("Minutes of the meeting", "Attendees: Zhang, Li",
                "Agenda: budget 2026 and other matters of the year"));
        Files.write(inbox.resolve("f-empty.pdf"), new byte[0]);
        Files.write(inbox.resolve("g-truncated.pdf"), java.util.Arrays.copyOf(matched, matched.length / 2));

        // the platform's own reconciliation bot, run now from its console API as a process owner would
        HttpResponse<String> started = http("POST", "/api/rpa/bots/reconciliation/run", basic("sunqi"), "");
        assertThat(started.statusCode()).isEqualTo(202);
        RunReport run = bots.await(runId(started), Duration.ofMinutes(3));

        assertThat(run.trigger()).isEqualTo("manual");
        assertThat(run.startedBy()).isEqualTo("sunqi");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.errors()).isNull();
        // done: the matched statement and the duplicate; handed to people: everything a person must look at
        assertThat(run.itemsDone()).isEqualTo(2);
        assertThat(run.itemsHanded()).isEqualTo(5);
        assertThat(run.itemsFailed()).isZero();
        List<RunItem> items = bots.items(run.id());
        assertThat(items).extracting(RunItem::itemName, RunItem::outcome, RunItem::note).containsExactlyInAnyOrder(
                tuple("a-matched.pdf", "done", "MATCHED"),
                tuple("b-duplicate-of-a.pdf", "duplicate", "duplicate (content already delivered)"),
                tuple("c-mismatch.pdf", "handed", "MISMATCHED"),
                tuple("d-totals.pdf", "handed", "TOTALS_ERROR"),
                tuple("e-unknown.pdf", "handed", "UNCLASSIFIED"),
                tuple("f-empty.pdf", "handed", "REJECTED"),
                tuple("g-truncated.pdf", "handed", "REJECTED"));
        assertThat(items).filteredOn(i -> !i.outcome().equals("duplicate"))
                .allSatisfy(i -> assertThat(i.caseId()).as("the confirmation case of " + i.itemName()).isNotBlank())
                .allSatisfy(i -> assertThat(i.jobId()).as("content hash").hasSize(64));
        assertThat(bots.handedToPeople("reconciliation", 10)).hasSize(5);
        assertThat(Files.list(inbox).filter(Files::isRegularFile).toList()).as("handled files moved to done/").isEmpty();
        var status = http("GET", "/api/rpa/bots/reconciliation", basic("sunqi"), null);
        assertThat(status.body()).contains("\"kind\":\"source\"").contains("\"kind\":\"folder\"")
                .contains(inbox.toString()).contains("\"cron\":\"\"");

        // the same statement delivered again later under a new name: recognised by content, not processed twice
        Files.write(inbox.resolve("h-again.pdf"), matched);
        RunReport again = bots.await(bots.runNow("reconciliation", "sunqi").id(), Duration.ofMinutes(1));
        assertThat(bots.items(again.id())).singleElement()
                .satisfies(i -> assertThat(i.outcome()).isEqualTo("duplicate"))
                .satisfies(i -> assertThat(i.itemName()).isEqualTo("h-again.pdf"));

        // paused: run now is refused and the statement waits in the folder
        assertThat(http("POST", "/api/rpa/bots/reconciliation/pause", basic("sunqi"), "").statusCode()).isEqualTo(200);
        Files.write(inbox.resolve("i-while-paused.pdf"), matched);
        HttpResponse<String> refused = http("POST", "/api/rpa/bots/reconciliation/run", basic("sunqi"), "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("PAUSED");
        assertThat(bots.runs("reconciliation", 10)).hasSize(2);
        assertThat(inbox.resolve("i-while-paused.pdf")).exists();
        bots.resume("reconciliation", "sunqi");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document", Integer.class)).isEqualTo(6);

        // every result waits in 清算交收部's inbox; wangwu corrects the mismatched quantity
        Member wangwu = directory.member("wangwu").orElseThrow();
        var inboxTasks = work.inbox(wangwu, 0, 50).stream()
                .filter(t -> ReconciliationConfirmationService.PROCESS_KEY.equals(t.processKey())).toList();
        assertThat(inboxTasks).hasSize(6);
        var mismatched = confirmations.recent(wangwu, 10).stream().filter(d -> d.status().equals("MISMATCHED")).findFirst()
                .orElseThrow();
        assertThat(mismatched.mismatches()).singleElement()
                .satisfies(m -> assertThat(m.field()).isEqualTo("quantity"))
                .satisfies(m -> assertThat(m.extracted()).isEqualTo("600"))
                .satisfies(m -> assertThat(m.expected()).isEqualTo("500"));
        String taskId = inboxTasks.stream().filter(t -> t.caseId().equals(mismatched.caseId())).findFirst().orElseThrow().id();

        // the pages render in both languages without a missing label, for every kind of result
        var asWangwu = user("wangwu").roles("BUSINESS");
        for (var task : inboxTasks) {
            for (String lang : List.of("zh_CN", "en")) {
                String html = mvc.perform(get("/tasks/" + task.id()).param("lang", lang).with(asWangwu))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(html).doesNotContain("??").contains(lang.equals("en") ? "Reconciliation result" : "对账结果");
            }
        }
        for (String lang : List.of("zh_CN", "en")) {
            assertThat(mvc.perform(get("/reconciliation").param("lang", lang).with(asWangwu)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).doesNotContain("??").contains("c-mismatch.pdf");
        }
        mvc.perform(get("/reconciliation/documents/" + mismatched.id() + "/image").with(asWangwu))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        // another department sees nothing of it
        mvc.perform(get("/reconciliation/documents/" + mismatched.id() + "/image").with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isForbidden());
        HttpResponse<String> confirm = http("POST", "/api/reconciliation/tasks/" + taskId + "/confirm", basic("wangwu"),
                "{\"fields\":{\"quantity\":\"500\",\"fees\":\"31.00\"},\"comment\":\"数量以结算系统为准\"}");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("\"corrections\":1");
        var stats = confirmations.stats(wangwu);
        assertThat(stats.corrections()).isEqualTo(1);
        assertThat(stats.corrected()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT corrected_value FROM cf_recon_correction WHERE field_name = 'quantity'",
                String.class)).isEqualTo("500");
        // confirming twice is refused and changes nothing
        assertThat(http("POST", "/api/reconciliation/tasks/" + taskId + "/confirm", basic("wangwu"),
                "{\"fields\":{}}").statusCode()).isIn(404, 409);

        // people may not submit; a malformed result is refused with a problem detail
        assertThat(submit(basic("wangwu"), "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = submit("Bearer " + token, "{\"contentHash\":\"nope\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("contentHash").contains("须为小写十六进制的 SHA-256 值");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document", Integer.class)).isEqualTo(6);
    }

    @Test
    void theExtractionEndpointAnswersJsonOrAProblemWithTheReason() throws Exception {
        byte[] pdf = DemoStatements.clearing("PB00999", "2025-06-30", "600036", "1,000", "35,000.00", "10.85", "35,010.85");
        HttpResponse<String> ok = extract(basic("wangwu"), pdf);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"type\":\"clearing_settlement\"").contains("\"net_amount\":\"35010.85\"")
                .contains("\"quantity\":\"1000\"").contains("\"confidence\"").contains("\"warnings\"");
        HttpResponse<String> empty = extract(basic("wangwu"), new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("EMPTY");
        HttpResponse<String> truncated = extract(basic("wangwu"), java.util.Arrays.copyOf(pdf, pdf.length / 2));
        assertThat(truncated.statusCode()).isEqualTo(422);
        assertThat(truncated.body()).contains("CORRUPT");
        assertThat(extract(basic("zhouba"), pdf).statusCode()).as("an IT manager has no business extracting").isEqualTo(403);
    }

    private HttpResponse<String> extract(String auth, byte[] file) throws Exception {
        String boundary = "b0undary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/rpa/documents/extract")).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String auth, String json) throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"result\"; filename=\"r.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/reconciliation/documents")).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> http(String method, String path, String auth, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long runId(HttpResponse<String> started) {
        return Long.parseLong(started.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("recon-e2e-statements");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
