package io.clearflow.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import io.clearflow.reconciliation.DemoStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded reconciliation bot on its cron schedule ({@code clearflow.bots.bot.reconciliation.cron}, every second
 * in this context): paused, it leaves a statement in its folder and refuses run now; resumed, the next scheduled run
 * takes the statement, opens its confirmation task and reports it as an item of a "schedule" run.
 */
class ReconciliationBotScheduleTest extends RpaPlatformTest {

    @Autowired BotRuntime bots;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resume() {
        bots.resume("reconciliation", "test");
    }

    @Test
    void aPausedBotTakesNoStatementAndTheScheduleTakesItOnceResumed() throws Exception {
        Path folder = Path.of(STATEMENTS);
        assertThat(folder).as("created at start").isDirectory();
        assertThat(bots.status("reconciliation").cron()).isEqualTo("* * * * * *");
        await().atMost(Duration.ofSeconds(30)).until(() -> !bots.runs("reconciliation", 1).isEmpty());

        assertThat(call("POST", "/api/rpa/bots/reconciliation/pause", "sunqi", null).statusCode()).isEqualTo(200);
        await().until(() -> !bots.status("reconciliation").running());
        long lastBefore = bots.runs("reconciliation", 1).get(0).id();
        String file = "paused-" + System.nanoTime() + ".pdf";
        Files.write(folder.resolve(file), DemoStatements.bank("6222000099998888", "2025-05-31", "10.00", "30.00",
                "2025/05/02 Schedule Test CR 20.00"));
        int documentsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document", Integer.class);

        Thread.sleep(3_000);
        assertThat(bots.runs("reconciliation", 1).get(0).id()).as("no run while paused").isEqualTo(lastBefore);
        assertThat(folder.resolve(file)).exists();
        var refused = call("POST", "/api/rpa/bots/reconciliation/run", "sunqi", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("PAUSED");

        bots.resume("reconciliation", "sunqi");
        RunReport run = await().atMost(Duration.ofSeconds(60)).until(() -> bots.runs("reconciliation", 20).stream()
                .filter(r -> r.id() > lastBefore && !r.running() && r.items() > 0).min(Comparator.comparing(RunReport::id)),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.startedBy()).isNull();
        List<RunItem> items = bots.items(run.id());
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.itemName()).isEqualTo(file);
            assertThat(item.outcome()).isEqualTo("handed"); // the platform has no record of this account: NO_RECORD
            assertThat(item.note()).isEqualTo("NO_RECORD");
            assertThat(item.caseId()).isNotBlank();
        });
        assertThat(run.itemsHanded()).isEqualTo(1);
        assertThat(folder.resolve(file)).doesNotExist();
        assertThat(folder.resolve("done").resolve(file)).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document", Integer.class)).isEqualTo(documentsBefore + 1);
        assertThat(ended(items.get(0).caseId())).as("the confirmation task waits for a person").isFalse();
    }
}
