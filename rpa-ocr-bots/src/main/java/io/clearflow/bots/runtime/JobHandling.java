package io.clearflow.bots.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One job of a job-driven bot, handled at most once: its recorded outcome if it had one, else the bot's; reported
 * to the engine; a technical failure reported with the retries left and the back-off.
 *
 * <p>Idempotency: before reporting to the engine the outcome is recorded in the store under the job's idempotency
 * key. A job that comes back after a crash (its lock expired before complete) is answered from that record instead
 * of being handled again; side effects inside a handler use {@link BotJob#once}.
 */
final class JobHandling {

    private final BotStore store;
    private final ExternalWorkerClient worker;
    private final RetryBackoff backoff;

    JobHandling(BotStore store, ExternalWorkerClient worker, RetryBackoff backoff) {
        this.store = store;
        this.worker = worker;
        this.backoff = backoff;
    }

    /** Handles the job and adds its item to the run report. Returns an error line, or null when it went well. */
    String handle(Bot bot, long runId, ExternalJob job, String runWorker) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        String key = job.idempotencyKey();
        BotOutcome outcome;
        boolean replayed;
        try {
            Optional<BotOutcome> recorded = store.recorded(key).map(OutcomeCodec::decode);
            replayed = recorded.isPresent();
            if (replayed) {
                outcome = recorded.get();
            } else {
                outcome = bot.handle(new BotJob(job, worker.platform(), store, bot.name()));
                // recorded before the engine hears of it: a crash from here on replays, never repeats
                outcome = OutcomeCodec.decode(store.record(key, bot.name(), OutcomeCodec.encode(outcome)));
            }
        } catch (Exception e) {
            return fail(bot, runId, job, runWorker, start, t0, e);
        }
        try {
            switch (outcome.kind()) {
                case BPMN_ERROR -> worker.bpmnError(job.id(), runWorker, outcome.errorCode(), outcome.variables());
                default -> worker.complete(job.id(), runWorker, outcome.variables());
            }
        } catch (RuntimeException e) {
            // the engine did not take the report (lock lost, engine down): the record stays, the next delivery replays it
            store.addItem(runId, bot.name(), BotStore.Item.of(job), "failed", replayed, start, elapsedMs(t0), "report failed: " + e.getMessage());
            return job.id() + ": " + e.getMessage();
        }
        String kind = switch (outcome.kind()) {
            case DONE -> "done";
            case HANDED_TO_PERSON -> "handed";
            case BPMN_ERROR -> "bpmn-error";
        };
        store.addItem(runId, bot.name(), BotStore.Item.of(job), kind, replayed, start, elapsedMs(t0), outcome.note());
        return null;
    }

    private String fail(Bot bot, long runId, ExternalJob job, String runWorker, Instant start, long t0, Exception e) {
        int retriesLeft = Math.max(0, job.retries() - 1);
        Duration wait = backoff.after(job.retries());
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            worker.fail(job.id(), runWorker, message, stackTrace(e), retriesLeft, wait);
        } catch (RuntimeException reportFailure) {
            message += " (and the failure could not be reported: " + reportFailure.getMessage() + ")";
        }
        store.addItem(runId, bot.name(), BotStore.Item.of(job), "failed", false, start, elapsedMs(t0),
                message + (retriesLeft > 0 ? " — retry in " + wait : " — no retries left"));
        return job.id() + ": " + message;
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
