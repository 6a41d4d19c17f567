package io.clearflow.reconciliation;

import io.clearflow.ClearFlowApplication;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunReport;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.reconciliation.ReconciliationConfirmationService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch of statements reconciled end to end on the running platform (not a unit test; run by hand, see
 * rpa-ocr-bots/README.md): the platform starts on a free port, the expected records are booked, the statements are
 * written to the embedded reconciliation bot's folder ({@code <data-dir>/statements}: text-layer PDFs and
 * {@code bench.scanned} 300 dpi scans), then one timed run of that bot (run now, as from the console) fetches,
 * classifies, extracts, matches over HTTP and creates the confirmation tasks with {@code bench.threads} threads.
 */
public final class ReconciliationBatchBenchmark {

    public static void main(String[] args) throws Exception {
        int statements = Integer.getInteger("bench.statements", 200);
        int scanned = Integer.getInteger("bench.scanned", 50);
        int threads = Integer.getInteger("bench.threads", 2);
        Path data = Files.createTempDirectory("recon-bench");
        var app = SpringApplication.run(ClearFlowApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:recon-bench;DB_CLOSE_DELAY=-1", "--clearflow.data-dir=" + data,
                "--flowable.async-executor-activate=false", "--logging.level.root=warn",
                // the platform's own reconciliation bot over data/statements, started here rather than by its schedule
                "--clearflow.bots.bot.reconciliation.cron=", "--clearflow.bots.reconciliation.threads=" + threads);
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
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
            BotRuntime bots = app.getBean(BotRuntime.class);
            long t0 = System.nanoTime();
            RunReport run = bots.await(bots.runNow("reconciliation", "benchmark").id(), Duration.ofHours(2));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Integer tasks = app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'confirmReconciliation'", Integer.class);
            Map<String, Long> byNote = bots.items(run.id()).stream()
                    .collect(Collectors.groupingBy(i -> i.outcome() + " " + i.note(), TreeMap::new, Collectors.counting()));
            System.out.printf(Locale.ROOT, "wall time %.1f s for %d statements (%.2f s each); run #%d: done %d (matched), "
                            + "handed to people %d, failed %d; items by outcome %s; confirmation tasks open: %d%n", seconds,
                    statements, seconds / statements, run.id(), run.itemsDone(), run.itemsHanded(), run.itemsFailed(), byNote,
                    tasks);
            if (run.errors() != null) {
                run.errors().lines().limit(5).forEach(e -> System.out.println("  error: " + e));
            }
        } finally {
            app.close();
        }
    }

    private static String fmt(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
