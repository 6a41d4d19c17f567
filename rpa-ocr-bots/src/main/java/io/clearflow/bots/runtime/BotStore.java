package io.clearflow.bots.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the bot runtime records: runs and their items, idempotency records and pause flags, each table in its
 * repository; the store keeps a run's counters and the {@link BotMetrics} in step with the items it records.
 */
public class BotStore {

    /** Outcomes counted as done in the run's counters and the bot's record. */
    private static final Set<String> DONE = Set.of("done", "bpmn-error", "duplicate");

    private final IdempotencyRepository idempotency;
    private final BotStateRepository states;
    private final RunRepository runs;
    private final RunItemRepository items;
    private final BotMetrics metrics;

    public BotStore(DataSource dataSource) {
        this(dataSource, BotMetrics.unexported());
    }

    /** A store that also counts what it records, as {@link BotMetrics} describes. */
    public BotStore(DataSource dataSource, BotMetrics metrics) {
        this.idempotency = new IdempotencyRepository(dataSource);
        this.states = new BotStateRepository(dataSource);
        this.runs = new RunRepository(dataSource);
        this.items = new RunItemRepository(dataSource);
        this.metrics = metrics;
    }

    BotMetrics metrics() {
        return metrics;
    }

    // --- idempotency

    public Optional<String> recorded(String key) {
        return idempotency.result(key);
    }

    /** Records a result under a key; when another worker recorded first, its result wins and is returned. */
    public String record(String key, String bot, String result) {
        return idempotency.insert(key, bot, result, Instant.now()) ? result : recorded(key).orElse(result);
    }

    // --- pause flags

    public boolean paused(String bot) {
        return states.paused(bot);
    }

    public void setPaused(String bot, boolean paused, String by) {
        states.save(bot, paused, Instant.now(), by);
    }

    // --- runs and items

    public RunReport startRun(String bot, String trigger, String startedBy, String workerId) {
        return run(runs.insert(bot, trigger, startedBy, workerId, Instant.now())).orElseThrow();
    }

    public void finishRun(long runId, String bot, String errors) {
        // the item counters are already current: addItem keeps them so while the run goes on
        metrics.run(bot, errors != null);
        runs.finish(runId, Instant.now(), errors);
    }

    /**
     * What a run item worked on: an engine job (its id, case and activity) or an item of a source bot (its id in the
     * source, the case it led to, its name).
     */
    public record Item(String id, String caseId, String activityId, String name) {
        static Item of(ExternalJob job) {
            return new Item(job.id(), job.processInstanceId(), job.elementId(), null);
        }
    }

    public void addItem(long runId, String bot, Item item, String outcome, boolean replayed, Instant startedAt,
                        long handlingMs, String note) {
        items.insert(runId, bot, item, outcome, replayed, startedAt, handlingMs, note);
        // keep the run's counters current while it runs, so the console shows progress
        runs.count(runId, DONE.contains(outcome) ? 1 : 0, outcome.equals("handed") ? 1 : 0, outcome.equals("failed") ? 1 : 0);
        metrics.item(bot, outcome);
    }

    public Optional<RunReport> run(long runId) {
        return runs.find(runId);
    }

    public List<RunReport> runs(String bot, int limit) {
        return runs.latest(bot, limit);
    }

    public List<RunItem> items(long runId) {
        return items.ofRun(runId);
    }

    public List<RunItem> handedItems(String bot, int limit) {
        return items.handed(bot, limit);
    }

    public BotStats stats(String bot) {
        long runCount = runs.count(bot);
        RunItemRepository.Totals totals = items.totals(bot);
        return new BotStats(runCount, totals.items(), totals.done(), totals.handed(), totals.failed(),
                totals.items() == 0 ? 0 : (double) totals.failed() / totals.items(), totals.averageHandlingMs());
    }

    /** Runs a crash left open (no finish): closed at start, so the console does not show them as running forever. */
    public int closeAbandonedRuns(String workerPrefix) {
        return runs.closeAbandoned(workerPrefix, Instant.now());
    }
}
