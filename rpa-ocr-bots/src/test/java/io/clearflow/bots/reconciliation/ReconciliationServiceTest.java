package io.clearflow.bots.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.documents.DocumentTypes;
import io.clearflow.bots.documents.StatementCorpus;
import io.clearflow.bots.documents.TesseractOcr;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bot run against a platform stand-in (the real platform over HTTP is exercised in deploy's
 * ReconciliationEndToEndTest). Bad inputs tried: the same content twice in one batch, content the platform already
 * has, a 0-byte file, the platform failing for one document (left in the source for the next run).
 */
class ReconciliationServiceTest {

    static final class FakePlatform implements ReconciliationPlatform {
        final Map<String, Reconciliation> submitted = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> records = new HashMap<>();
        volatile String failFor;

        @Override
        public boolean alreadySubmitted(String hash) {
            return submitted.containsKey(hash);
        }

        @Override
        public Optional<Map<String, String>> record(String type, String key) {
            return Optional.ofNullable(records.get(type + "/" + key));
        }

        @Override
        public Optional<Submitted> submit(Reconciliation r, byte[] png) {
            if (r.fileName().equals(failFor)) {
                throw new IllegalStateException("platform unreachable");
            }
            return submitted.putIfAbsent(r.contentHash(), r) == null
                    ? Optional.of(new Submitted(submitted.size(), "case-" + submitted.size())) : Optional.empty();
        }
    }

    @Test
    void aRunReconcilesDeduplicatesAndLeavesFailuresForTheNextRun(@TempDir Path dir) throws Exception {
        var corpus = new StatementCorpus(11);
        var a = corpus.clearingStatement(1);
        var b = corpus.clearingStatement(1);
        var platform = new FakePlatform();
        platform.records.put("clearing_settlement/" + a.key(), a.fields());
        Map<String, String> wrong = new HashMap<>(b.fields());
        wrong.put("fees", "0.01");
        platform.records.put("clearing_settlement/" + b.key(), wrong);
        byte[] aPdf = StatementCorpus.textPdf(a);
        Files.write(dir.resolve("a.pdf"), aPdf);
        Files.write(dir.resolve("a-copy.pdf"), aPdf);
        Files.write(dir.resolve("b.pdf"), StatementCorpus.textPdf(b));
        Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Files.write(dir.resolve("later.pdf"), StatementCorpus.textPdf(corpus.bankStatement(0)));
        platform.failFor = "later.pdf";

        try (var extractor = new DocumentExtractor(DocumentTypes.builtIn(), TesseractOcr.DEFAULT_DATAPATH)) {
            var bot = new ReconciliationService(new FolderStatementSource(dir), extractor, platform, 2, Clock.systemUTC());
            ReconciliationRun run = bot.runOnce();
            assertThat(run.fetched()).isEqualTo(5);
            assertThat(run.duplicates()).isEqualTo(1);
            assertThat(run.submitted()).isEqualTo(3);
            assertThat(run.matched()).isEqualTo(1);
            assertThat(run.errors()).singleElement().asString().startsWith("later.pdf");
            assertThat(run.byStatus()).containsEntry(Reconciliation.Status.MATCHED, 1)
                    .containsEntry(Reconciliation.Status.MISMATCHED, 1).containsEntry(Reconciliation.Status.REJECTED, 1);
            Reconciliation mismatched = platform.submitted.values().stream()
                    .filter(r -> r.status() == Reconciliation.Status.MISMATCHED).findFirst().orElseThrow();
            assertThat(mismatched.mismatches()).containsExactly(
                    new Reconciliation.Mismatch("fees", b.fields().get("fees"), "0.01"));
            assertThat(Files.exists(dir.resolve("later.pdf"))).as("failed file stays for the next run").isTrue();

            platform.failFor = null;
            Files.write(dir.resolve("a-again.pdf"), aPdf); // re-delivered after it was handled
            ReconciliationRun next = bot.runOnce();
            assertThat(next.fetched()).isEqualTo(2);
            assertThat(next.duplicates()).isEqualTo(1);
            assertThat(next.submitted()).isEqualTo(1);
            assertThat(next.byStatus()).containsEntry(Reconciliation.Status.NO_RECORD, 1);
        }
    }

    @Test
    void theHttpSourceFetchesTheOfferedFilesWithItsToken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> auth = new ArrayList<>();
        server.createContext("/statements/", exchange -> {
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestURI().getPath().endsWith("/list")
                    ? "[{\"name\":\"s1.pdf\",\"url\":\"files/s1\"}]".getBytes(StandardCharsets.UTF_8)
                    : "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var source = new HttpStatementSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/statements/list"), "secret", HttpClient.newHttpClient());
            var docs = source.fetch();
            assertThat(docs).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo("s1.pdf");
                assertThat(new String(d.content(), StandardCharsets.UTF_8)).startsWith("%PDF");
            });
            assertThat(auth).containsOnly("Bearer secret");
        } finally {
            server.stop(0);
        }
    }
}
