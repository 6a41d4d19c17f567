package io.clearflow.reconciliation;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.reconciliation.FolderStatementSource;
import io.clearflow.bots.reconciliation.HttpPlatformClient;
import io.clearflow.bots.reconciliation.ReconciliationRun;
import io.clearflow.bots.reconciliation.ReconciliationService;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.reconciliation.ReconciliationConfirmationService;
import io.clearflow.engine.security.ApiTokenService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch of statements reconciled end to end on the running platform (not a unit test; run by hand, see
 * rpa-ocr-bots/README.md): the platform starts on a free port, the expected records are booked, the statements are
 * written to a folder (text-layer PDFs and {@code bench.scanned} 300 dpi scans), then one timed bot run fetches,
 * classifies, extracts, matches over HTTP and creates the confirmation tasks with 2 worker threads.
 */
public final class ReconciliationBatchBenchmark {

    public static void main(String[] args) throws Exception {
        int statements = Integer.getInteger("bench.statements", 200);
        int scanned = Integer.getInteger("bench.scanned", 50);
        int threads = Integer.getInteger("bench.threads", 2);
        Path data = Files.createTempDirectory("recon-bench");
        var app = SpringApplication.run(ClearFlowApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:recon-bench;DB_CLOSE_DELAY=-1", "--clearflow.data-dir=" + data,
                "--flowable.async-executor-activate=false", "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = app.getBean(ApiTokenService.class).issue("rpa-bot", "benchmark").token();
            var admin = app.getBean(OrgDirectory.class).member("admin").orElseThrow();
            var confirmations = app.getBean(ReconciliationConfirmationService.class);
            Path inbox = Files.createDirectories(data.resolve("statements"));
            for (int i = 0; i < statements; i++) {
                String account = String.format(Locale.ROOT, "6222%012d", 100_000 + i);
                BigDecimal opening = new BigDecimal(10_000 + i * 37).setScale(2);
                BigDecimal credit = new BigDecimal(1_000 + i).setScale(2);
                BigDecimal debit = new BigDecimal(200 + i % 50).setScale(2);
                BigDecimal closing = opening.add(credit).subtract(debit);
                String date = "2025-04-30";
                confirmations.book(admin, "bank_statement", account + "|" + date, Map.of("account_no", account,
                        "statement_date", date, "opening_balance", opening.toPlainString(),
                        "closing_balance", closing.toPlainString()));
                String[] lines = DemoStatements.bankLines(account, date, fmt(opening), fmt(closing),
                        "2025/04/02 Demo Fund CR " + fmt(credit), "2025/04/09 Demo Broker DR " + fmt(debit));
                boolean scan = i < scanned;
                Files.write(inbox.resolve(String.format(Locale.ROOT, "stmt-%03d.%s", i, scan ? "png" : "pdf")),
                        scan ? DemoStatements.scan(lines) : DemoStatements.pdf(lines));
            }
            System.out.printf("%d statements (%d scanned, %d text-layer PDF) in %s; reconciling with %d threads%n",
                    statements, scanned, statements - scanned, inbox, threads);
            var bot = new ReconciliationService(new FolderStatementSource(inbox), app.getBean(DocumentExtractor.class),
                    new HttpPlatformClient(URI.create("http://localhost:" + port), () -> token, HttpClient.newHttpClient()),
                    threads, Clock.systemUTC());
            long t0 = System.nanoTime();
            ReconciliationRun run = bot.runOnce();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Integer tasks = app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'confirmReconciliation'", Integer.class);
            System.out.printf(Locale.ROOT, "wall time %.1f s for %d statements (%.2f s each); submitted %d, matched %d, "
                            + "by status %s, errors %d; confirmation tasks open: %d%n", seconds, statements,
                    seconds / statements, run.submitted(), run.matched(), run.byStatus(), run.errors().size(), tasks);
            run.errors().stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        } finally {
            app.close();
        }
    }

    private static String fmt(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
