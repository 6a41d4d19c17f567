package io.clearflow.bots.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs bots: on their cron schedule and on demand, one run per bot at a time, none while paused. A run of a
 * job-driven {@link Bot} acquires every job due on the bot's topic (batch by batch, until none is left), hands each
 * to the bot and reports the outcome to the engine; a run of a {@link SourceBot} lets the bot pull its items from
 * its source. Either way the run report has one item per job or source item, in the same tables.
 *
 * <p>Idempotency: before reporting to the engine the outcome is recorded in the store under the job's
 * idempotency key. A job that comes back after a crash (its lock expired before complete) is answered
 * from that record instead of being handled again; side effects inside a handler use {@link BotJob#once}.
 */
public class BotRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_ERRORS = 20;

    private final Map<String, ScheduledBot> bots = new LinkedHashMap<>();
    private final BotStore store;
    private final ExternalWorkerClient worker;
    private final BotsProperties properties;
    private final String workerId;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<RunReport>> pending = new ConcurrentHashMap<>();
    private ThreadPoolTaskScheduler scheduler;
    private volatile boolean started;

    public BotRuntime(List<? extends ScheduledBot> bots, BotStore store, ExternalWorkerClient worker, BotsProperties properties) {
        bots.forEach(bot -> {
            if (this.bots.putIfAbsent(bot.name(), bot) != null) {
                throw new IllegalStateException("two bots are named " + bot.name());
            }
            if (!(bot instanceof Bot) && !(bot instanceof SourceBot)) {
                throw new IllegalStateException("bot " + bot.name() + " is neither a Bot nor a SourceBot");
            }
            running.put(bot.name(), new AtomicBoolean());
            String cron = properties.cron(bot);
            if (!cron.isEmpty() && !CronExpression.isValidExpression(cron)) {
                throw new IllegalStateException("bot " + bot.name() + ": invalid cron '" + cron + "'");
            }
        });
        this.store = store;
        this.worker = worker;
        this.properties = properties;
        this.workerId = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- lifecycle: the scheduler lives with the application context

    @Override
    public void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(2, bots.size()));
        scheduler.setThreadNamePrefix("bot-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        int closed = store.closeAbandonedRuns(host() + "/");
        if (closed > 0) {
            log.warn("Closed {} bot runs that a previous stop of this host left open", closed);
        }
        if (properties.enabled()) {
            bots.values().forEach(bot -> {
                String cron = properties.cron(bot);
                if (!cron.isEmpty()) {
                    scheduler.schedule(() -> runScheduled(bot), new CronTrigger(cron, zone()));
                }
            });
        }
        started = true;
        log.info("Bot runtime {} started with bots {} ({})", workerId, bots.keySet(),
                properties.enabled() ? "scheduled" : "disabled");
    }

    @Override
    public void stop() {
        started = false;
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    // --- what the console and the REST API do

    public List<BotStatus> bots() {
        return bots.keySet().stream().map(this::status).toList();
    }

    public BotStatus status(String name) {
        ScheduledBot bot = bot(name);
        String cron = properties.cron(bot);
        Instant next = cron.isEmpty() ? null : Optional.ofNullable(CronExpression.parse(cron)
                .next(Instant.now().atZone(zone()))).map(t -> t.toInstant()).orElse(null);
        List<RunReport> last = store.runs(name, 1);
        String kind = bot instanceof Bot ? BotStatus.KIND_JOBS : BotStatus.KIND_SOURCE;
        String topic = bot instanceof Bot jobs ? jobs.topic() : null;
        BotSource source = bot instanceof SourceBot pulling ? pulling.source() : null;
        return new BotStatus(name, kind, topic, source, cron, zone().getId(), store.paused(name),
                running.get(name).get(), next, last.isEmpty() ? null : last.get(0), store.stats(name),
                bot.limitation().orElse(null));
    }

    public List<RunReport> runs(String name, int limit) {
        bot(name);
        return store.runs(name, Math.min(Math.max(limit, 1), 200));
    }

    public Optional<RunReport> run(long runId) {
        return store.run(runId);
    }

    public List<RunItem> items(long runId) {
        return store.items(runId);
    }

    public List<RunItem> handedToPeople(String name, int limit) {
        bot(name);
        return store.handedItems(name, Math.min(Math.max(limit, 1), 500));
    }

    public BotStatus pause(String name, String by) {
        bot(name);
        store.setPaused(name, true, by);
        return status(name);
    }

    public BotStatus resume(String name, String by) {
        bot(name);
        store.setPaused(name, false, by);
        return status(name);
    }

    /** Starts a run now, in the background; returns its report as it starts. Refused while paused or running. */
    public RunReport runNow(String name, String by) {
        ScheduledBot bot = bot(name);
        if (store.paused(name)) {
            throw new BotException(BotException.Reason.PAUSED, "bot " + name + " is paused; resume it first");
        }
        RunReport report = begin(bot, "manual", by);
        CompletableFuture<RunReport> done = new CompletableFuture<>();
        pending.put(report.id(), done);
        Runnable work = () -> {
            try {
                done.complete(execute(bot, report));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                pending.remove(report.id());
            }
        };
        if (scheduler != null && started) {
            scheduler.execute(work);
        } else {
            new Thread(work, "bot-" + name + "-now").start();
        }
        return report;
    }

    /** Waits for a run started here to finish (tests, CLI); a run already finished returns its report at once. */
    public RunReport await(long runId, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<RunReport> future = pending.get(runId);
        if (future != null) {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // the run died (a crashed worker, in tests): its report says what it recorded
            }
        }
        return store.run(runId).orElseThrow();
    }

    // --- runs

    void runScheduled(ScheduledBot bot) {
        if (store.paused(bot.name())) {
            log.debug("Bot {} is paused: scheduled run skipped", bot.name());
            return;
        }
        try {
            execute(bot, begin(bot, "schedule", null));
        } catch (BotException e) {
            log.info("Scheduled run of {} skipped: {}", bot.name(), e.getMessage());
        }
    }

    private RunReport begin(ScheduledBot bot, String trigger, String by) {
        if (!running.get(bot.name()).compareAndSet(false, true)) {
            throw new BotException(BotException.Reason.ALREADY_RUNNING, "bot " + bot.name() + " is already running");
        }
        try {
            return store.startRun(bot.name(), trigger, by, workerId + "/" + bot.name());
        } catch (RuntimeException e) {
            running.get(bot.name()).set(false);
            throw e;
        }
    }

    private RunReport execute(ScheduledBot bot, RunReport run) {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            if (!worker.platform().ready()) {
                throw new IllegalStateException("no platform URL or bot token: set clearflow.bots.platform-url and clearflow.bots.token");
            }
            if (bot instanceof Bot jobs) {
                workOnJobs(jobs, run, errors);
            } else {
                ((SourceBot) bot).run(new StoredSourceRun(bot.name(), run.id(), errors));
            }
        } catch (Exception e) {
            log.warn("Run {} of bot {} stopped: {}", run.id(), bot.name(), e.getMessage());
            errors.add(String.valueOf(e.getMessage()));
        } finally {
            store.finishRun(run.id(), errors.isEmpty() ? null : String.join("\n", errors));
            running.get(bot.name()).set(false);
        }
        return store.run(run.id()).orElseThrow();
    }

    /** A job-driven run: batch after batch of due jobs until none is left, the item limit is reached or the bot is paused. */
    private void workOnJobs(Bot bot, RunReport run, List<String> errors) {
        String runWorker = workerId + "/" + bot.name();
        int handled = 0;
        while (handled < properties.maxItemsPerRun() && !store.paused(bot.name())) {
            List<ExternalJob> jobs = worker.acquire(bot.topic(), properties.lock(bot),
                    Math.min(properties.batchSize(), properties.maxItemsPerRun() - handled), runWorker);
            if (jobs.isEmpty()) {
                break;
            }
            for (ExternalJob job : jobs) {
                String error = handle(bot, run.id(), job, runWorker);
                if (error != null && errors.size() < MAX_ERRORS) {
                    errors.add(error);
                }
                handled++;
            }
        }
    }

    /** A source bot's view of its run: items go to the same run report as jobs do; pausing asks it to stop. */
    private final class StoredSourceRun implements SourceRun {
        private final String bot;
        private final long runId;
        private final List<String> errors;

        StoredSourceRun(String bot, long runId, List<String> errors) {
            this.bot = bot;
            this.runId = runId;
            this.errors = errors;
        }

        @Override
        public boolean stopRequested() {
            return store.paused(bot);
        }

        @Override
        public void item(SourceItem item) {
            store.addItem(runId, bot, new BotStore.Item(item.id(), item.caseId(), null, item.name()),
                    item.outcome().code(), false, item.startedAt(), item.handlingMs(), item.note());
            if (item.outcome() == SourceRun.Outcome.FAILED && errors.size() < MAX_ERRORS) {
                errors.add(item.name() + ": " + item.note());
            }
        }
    }

    /** One job: its recorded outcome if it had one, else the bot's; reported to the engine. Returns an error line or null. */
    private String handle(Bot bot, long runId, ExternalJob job, String runWorker) {
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
        Duration backoff = backoff(job.retries());
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            worker.fail(job.id(), runWorker, message, stackTrace(e), retriesLeft, backoff);
        } catch (RuntimeException reportFailure) {
            message += " (and the failure could not be reported: " + reportFailure.getMessage() + ")";
        }
        store.addItem(runId, bot.name(), BotStore.Item.of(job), "failed", false, start, elapsedMs(t0),
                message + (retriesLeft > 0 ? " — retry in " + backoff : " — no retries left"));
        return job.id() + ": " + message;
    }

    /** Exponential: the base after the first failure, doubled with each one before, at most an hour. */
    Duration backoff(int retriesBefore) {
        int failuresSoFar = Math.max(0, 3 - retriesBefore);
        Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(failuresSoFar, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private ScheduledBot bot(String name) {
        ScheduledBot bot = bots.get(name);
        if (bot == null) {
            throw new BotException(BotException.Reason.UNKNOWN_BOT, "no bot named " + name);
        }
        return bot;
    }

    private ZoneId zone() {
        return ZoneId.of(properties.zone());
    }

    public String workerId() {
        return workerId;
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "bot-host";
        }
    }
}
