package io.clearflow.bots.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What the console and the REST API read: a bot's status, its runs, their items, the items handed to people. */
final class BotQueries {

    private final BotRegistry registry;
    private final BotStore store;
    private final BotSchedule schedule;
    private final Predicate<String> running;

    BotQueries(BotRegistry registry, BotStore store, BotSchedule schedule, Predicate<String> running) {
        this.registry = registry;
        this.store = store;
        this.schedule = schedule;
        this.running = running;
    }

    BotStatus status(String name) {
        ScheduledBot bot = registry.bot(name);
        List<RunReport> last = store.runs(name, 1);
        String kind = bot instanceof Bot ? BotStatus.KIND_JOBS : BotStatus.KIND_SOURCE;
        String topic = bot instanceof Bot jobs ? jobs.topic() : null;
        BotSource source = bot instanceof SourceBot pulling ? pulling.source() : null;
        return new BotStatus(name, kind, topic, source, schedule.cron(bot), schedule.zone().getId(), store.paused(name),
                running.test(name), schedule.next(bot), last.isEmpty() ? null : last.get(0), store.stats(name),
                bot.limitation().orElse(null));
    }

    List<RunReport> runs(String name, int limit) {
        registry.bot(name);
        return store.runs(name, Math.min(Math.max(limit, 1), 200));
    }

    Optional<RunReport> run(long runId) {
        return store.run(runId);
    }

    List<RunItem> items(long runId) {
        return store.items(runId);
    }

    List<RunItem> handedToPeople(String name, int limit) {
        registry.bot(name);
        return store.handedItems(name, Math.min(Math.max(limit, 1), 500));
    }
}
