package io.clearflow.bots.reconciliation;

import io.clearflow.bots.runtime.BotLimitation;
import io.clearflow.bots.runtime.BotSource;
import io.clearflow.bots.runtime.SourceBot;
import io.clearflow.bots.runtime.SourceRun;
import java.util.Optional;

/**
 * 对账机器人 as a bot of the runtime: each run (on its schedule, or run now) reconciles everything waiting in its
 * statement source, and reports every statement as an item of the run: MATCHED is done; anything a person must look
 * at (mismatch, low confidence, unclassified, totals error, no record, unreadable) is handed to people with its
 * status as the note; a statement already delivered is a duplicate; a technical failure is failed with its error
 * (the statement stays in the source for the next run).
 */
public class ReconciliationBot implements SourceBot, AutoCloseable {

    public static final String NAME = "reconciliation";
    /** Every 30 minutes in business hours, as statements arrive during the day. */
    public static final String DEFAULT_CRON = "0 */30 8-18 * * MON-FRI";

    private final ReconciliationService service;

    public ReconciliationBot(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String defaultCron() {
        return DEFAULT_CRON;
    }

    /** Scanned statements need OCR; without it they go to people (text-layer PDFs are still reconciled). */
    @Override
    public Optional<BotLimitation> limitation() {
        return service.ocrStatus().asLimitation();
    }

    @Override
    public BotSource source() {
        return service.source().describe();
    }

    @Override
    public void run(SourceRun run) {
        service.runOnce(outcome -> run.item(item(outcome)), run::stopRequested);
    }

    /** Stops the service's worker threads with the application context (Spring calls it as the bean's close method). */
    @Override
    public void close() {
        service.close();
    }

    static SourceRun.SourceItem item(ReconciliationService.DocumentOutcome o) {
        SourceRun.Outcome outcome;
        String note;
        if (o.error() != null) {
            outcome = SourceRun.Outcome.FAILED;
            note = o.error();
        } else if (o.duplicate()) {
            outcome = SourceRun.Outcome.DUPLICATE;
            note = "duplicate (content already delivered)";
        } else if (o.status() == Reconciliation.Status.MATCHED) {
            outcome = SourceRun.Outcome.DONE;
            note = o.status().name();
        } else {
            outcome = SourceRun.Outcome.HANDED;
            note = o.status().name();
        }
        return new SourceRun.SourceItem(o.contentHash() == null ? "unknown" : o.contentHash(), o.document() == null ? null : o.document().name(), o.caseId(),
                outcome, o.startedAt(), o.handlingMs(), note);
    }
}
