package io.clearflow.bots.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The run loop: one run per bot at a time, none while paused. A run of a job-driven {@link Bot} acquires every job
 * due on the bot's topic (batch by batch, until none is left) and hands each to {@link JobHandling}; a run of a
 * {@link SourceBot} lets the bot pull its items from its source. Either way the run report has one item per job or
 * source item, in the same tables, and its end is published as {@link BotRunFinished}.
 */
final class BotRuns {

    private static final Logger log = LoggerFactory.getLogger(BotRuns.class);
    /** Error lines kept on one run report: enough to see the pattern, not a copy of every item. */
    private static final int MAX_ERRORS = 20;

    private final BotStore store;
    private final ExternalWorkerClient worker;
    private final BotsProperties properties;
    private final JobHandling jobs;
    private final String workerId;
    private final ApplicationEventPublisher events;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<RunReport>> pending = new ConcurrentHashMap<>();

    BotRuns(BotRegistry registry, BotStore store, ExternalWorkerClient worker, BotsProperties properties,
            JobHandling jobs, String workerId, ApplicationEventPublisher events) {
        this.store = store;
        this.worker = worker;
        this.properties = properties;
        this.jobs = jobs;
        this.workerId = workerId;
        this.events = events;
        registry.names().forEach(name -> running.put(name, new AtomicBoolean()));
    }

    boolean running(String name) {
        return running.get(name).get();
    }

    /** A scheduled run; skipped (not an error) while the bot is paused or still running. */
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

    /** Starts a manual run on the schedule's threads; returns its report as it starts. Refused while paused or running. */
    RunReport runNow(ScheduledBot bot, String by, BotSchedule schedule, boolean started) {
        if (store.paused(bot.name())) {
            throw new BotException(BotException.Reason.PAUSED, "bot " + bot.name() + " is paused; resume it first");
        }
        RunReport report = begin(bot, "manual", by);
        CompletableFuture<RunReport> done = new CompletableFuture<>();
        pending.put(report.id(), done);
        schedule.execute(() -> {
            try {
                done.complete(execute(bot, report));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                pending.remove(report.id());
            }
        }, "bot-" + bot.name() + "-now", started);
        return report;
    }

    /** Waits for a run started here to finish; a run already finished returns its report at once. */
    RunReport await(long runId, Duration timeout) throws InterruptedException, TimeoutException {
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
            if (bot instanceof Bot jobBot) {
                workOnJobs(jobBot, run, errors);
            } else {
                ((SourceBot) bot).run(new StoredSourceRun(bot.name(), run.id(), errors));
            }
        } catch (Exception e) {
            log.warn("Run {} of bot {} stopped: {}", run.id(), bot.name(), e.getMessage());
            errors.add(String.valueOf(e.getMessage()));
        } finally {
            store.finishRun(run.id(), bot.name(), errors.isEmpty() ? null : String.join("\n", errors));
            running.get(bot.name()).set(false);
        }
        RunReport finished = store.run(run.id()).orElseThrow();
        events.publishEvent(new BotRunFinished(finished));
        return finished;
    }

    /** A job-driven run: batch after batch of due jobs until none is left, the item limit is reached or the bot is paused. */
    private void workOnJobs(Bot bot, RunReport run, List<String> errors) {
        String runWorker = workerId + "/" + bot.name();
        int handled = 0;
        while (handled < properties.maxItemsPerRun() && !store.paused(bot.name())) {
            List<ExternalJob> due = worker.acquire(bot.topic(), properties.lock(bot),
                    Math.min(properties.batchSize(), properties.maxItemsPerRun() - handled), runWorker);
            if (due.isEmpty()) {
                break;
            }
            for (ExternalJob job : due) {
                String error = jobs.handle(bot, run.id(), job, runWorker);
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
}
