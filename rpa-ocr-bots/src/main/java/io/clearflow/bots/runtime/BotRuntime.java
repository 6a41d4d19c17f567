package io.clearflow.bots.runtime;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Runs bots: on their cron schedule and on demand, one run per bot at a time, none while paused. The runtime is the
 * bots' one entry point and only delegates, as Flowable's services delegate to commands: {@link BotRegistry} (the
 * bots by name), {@link BotSchedule} (cron and threads), {@link BotRuns} (the run loop), {@link JobHandling} (one
 * job, idempotent, with {@link RetryBackoff}), {@link BotQueries} (what the console reads).
 */
public class BotRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

    private final BotRegistry registry;
    private final BotSchedule schedule;
    private final BotRuns runs;
    private final BotQueries queries;
    private final BotStore store;
    private final BotsProperties properties;
    private final String workerId;
    private volatile boolean started;

    /** A runtime whose {@link BotRunFinished} events nobody hears (built by hand, in tests). */
    public BotRuntime(List<? extends ScheduledBot> bots, BotStore store, ExternalWorkerClient worker, BotsProperties properties) {
        this(bots, store, worker, properties, event -> { });
    }

    public BotRuntime(List<? extends ScheduledBot> bots, BotStore store, ExternalWorkerClient worker, BotsProperties properties,
                      ApplicationEventPublisher events) {
        this.schedule = new BotSchedule(properties);
        this.registry = new BotRegistry(bots, schedule);
        this.store = store;
        store.metrics().prepare(registry.names());
        this.properties = properties;
        this.workerId = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
        JobHandling jobs = new JobHandling(store, worker, new RetryBackoff(properties.retryBackoff()));
        this.runs = new BotRuns(registry, store, worker, properties, jobs, workerId, events);
        this.queries = new BotQueries(registry, store, schedule, runs::running);
    }

    // --- lifecycle: the scheduler lives with the application context

    @Override
    public void start() {
        // runs this host left open when it stopped can never finish: close them so the console does not show them running
        int closed = store.closeAbandonedRuns(host() + "/");
        if (closed > 0) {
            log.warn("Closed {} bot runs that a previous stop of this host left open", closed);
        }
        schedule.start(registry.all(), runs::runScheduled);
        started = true;
        log.info("Bot runtime {} started with bots {} ({})", workerId, registry.names(),
                properties.enabled() ? "scheduled" : "disabled");
    }

    @Override
    public void stop() {
        started = false;
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    // --- what the console and the REST API do

    public List<BotStatus> bots() {
        return registry.names().stream().map(queries::status).toList();
    }

    public BotStatus status(String name) {
        return queries.status(name);
    }

    public List<RunReport> runs(String name, int limit) {
        return queries.runs(name, limit);
    }

    public Optional<RunReport> run(long runId) {
        return queries.run(runId);
    }

    public List<RunItem> items(long runId) {
        return queries.items(runId);
    }

    public List<RunItem> handedToPeople(String name, int limit) {
        return queries.handedToPeople(name, limit);
    }

    public BotStatus pause(String name, String by) {
        registry.bot(name);
        store.setPaused(name, true, by);
        return status(name);
    }

    public BotStatus resume(String name, String by) {
        registry.bot(name);
        store.setPaused(name, false, by);
        return status(name);
    }

    /** Starts a run now, in the background; returns its report as it starts. Refused while paused or running. */
    public RunReport runNow(String name, String by) {
        return runs.runNow(registry.bot(name), by, schedule, started);
    }

    /** Waits for a run started here to finish (tests, CLI); a run already finished returns its report at once. */
    public RunReport await(long runId, Duration timeout) throws InterruptedException, TimeoutException {
        return runs.await(runId, timeout);
    }

    public String workerId() {
        return workerId;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "bot-host";
        }
    }
}
