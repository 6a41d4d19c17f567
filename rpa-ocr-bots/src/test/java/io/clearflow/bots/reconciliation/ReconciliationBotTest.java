package io.clearflow.bots.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.documents.DocumentTypes;
import io.clearflow.bots.documents.StatementCorpus;
import io.clearflow.bots.documents.TesseractOcr;
import io.clearflow.bots.runtime.SourceRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation bot's run as the runtime records it: one item per statement, MATCHED done, any other status
 * handed to people with the status as note, a duplicate as duplicate, a technical failure failed with its error;
 * a run asked to stop takes no further statement. Bad inputs tried: a duplicate, a 0-byte file, the platform failing
 * for one statement, a stop request before the run.
 */
class ReconciliationBotTest {

    static final class RecordingRun implements SourceRun {
        final List<SourceItem> items = new CopyOnWriteArrayList<>();
        volatile boolean stop;

        @Override
        public boolean stopRequested() {
            return stop;
        }

        @Override
        public void item(SourceItem item) {
            items.add(item);
        }
    }

    @Test
    void everyStatementIsAnItemWithItsOutcome(@TempDir Path dir) throws Exception {
        var corpus = new StatementCorpus(5);
        var a = corpus.clearingStatement(1);
        var platform = new ReconciliationServiceTest.FakePlatform();
        platform.records.put("clearing_settlement/" + a.key(), a.fields());
        byte[] aPdf = StatementCorpus.textPdf(a);
        Files.write(dir.resolve("a1.pdf"), aPdf);
        Files.write(dir.resolve("a2-copy.pdf"), aPdf);
        Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Files.write(dir.resolve("down.pdf"), StatementCorpus.textPdf(corpus.bankStatement(0)));
        platform.failFor = "down.pdf";

        try (var extractor = new DocumentExtractor(DocumentTypes.builtIn(), TesseractOcr.DEFAULT_DATAPATH)) {
            var bot = new ReconciliationBot(new ReconciliationService(new FolderStatementSource(dir), extractor, platform, 1,
                    Clock.systemUTC()));
            assertThat(bot.name()).isEqualTo("reconciliation");
            assertThat(bot.source().kind()).isEqualTo("folder");
            assertThat(bot.source().location()).isEqualTo(dir.toString());

            var run = new RecordingRun();
            bot.run(run);
            assertThat(run.items).extracting(SourceRun.SourceItem::name, SourceRun.SourceItem::outcome)
                    .containsExactlyInAnyOrder(tuple("a1.pdf", SourceRun.Outcome.DONE),
                            tuple("a2-copy.pdf", SourceRun.Outcome.DUPLICATE),
                            tuple("empty.pdf", SourceRun.Outcome.HANDED),
                            tuple("down.pdf", SourceRun.Outcome.FAILED));
            assertThat(run.items).filteredOn(i -> i.name().equals("empty.pdf")).singleElement()
                    .satisfies(i -> assertThat(i.note()).isEqualTo("REJECTED"))
                    .satisfies(i -> assertThat(i.caseId()).startsWith("case-"));
            assertThat(run.items).filteredOn(i -> i.name().equals("down.pdf")).singleElement()
                    .satisfies(i -> assertThat(i.note()).contains("platform unreachable"));
            assertThat(run.items).allSatisfy(i -> assertThat(i.id()).hasSize(64));

            // asked to stop (paused): the waiting statement stays for the next run
            var stopped = new RecordingRun();
            stopped.stop = true;
            bot.run(stopped);
            assertThat(stopped.items).isEmpty();
            assertThat(dir.resolve("down.pdf")).exists();
        }
    }
}
