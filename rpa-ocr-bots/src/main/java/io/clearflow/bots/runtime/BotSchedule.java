package io.clearflow.bots.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * When bots run by themselves: each bot's cron in the firm's zone, on a scheduler that lives between the runtime's
 * start and stop. Manual runs use the same threads, so a run never holds up the request that started it.
 */
final class BotSchedule {

    private final BotsProperties properties;
    private ThreadPoolTaskScheduler scheduler;

    BotSchedule(BotsProperties properties) {
        this.properties = properties;
    }

    /** Refuses an invalid cron at start rather than at the first (never coming) run. */
    void check(ScheduledBot bot) {
        String cron = cron(bot);
        if (!cron.isEmpty() && !CronExpression.isValidExpression(cron)) {
            throw new IllegalStateException("bot " + bot.name() + ": invalid cron '" + cron + "'");
        }
    }

    String cron(ScheduledBot bot) {
        return properties.cron(bot);
    }

    ZoneId zone() {
        return ZoneId.of(properties.zone());
    }

    /** The next scheduled run, or null for a bot that runs on demand only. */
    Instant next(ScheduledBot bot) {
        String cron = cron(bot);
        return cron.isEmpty() ? null : Optional.ofNullable(CronExpression.parse(cron)
                .next(Instant.now().atZone(zone()))).map(t -> t.toInstant()).orElse(null);
    }

    /** Creates the threads and, when scheduling is enabled, plans every bot that has a cron. */
    void start(Collection<ScheduledBot> bots, Consumer<ScheduledBot> run) {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(2, bots.size()));
        scheduler.setThreadNamePrefix("bot-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        if (properties.enabled()) {
            bots.forEach(bot -> {
                String cron = cron(bot);
                if (!cron.isEmpty()) {
                    scheduler.schedule(() -> run.accept(bot), new CronTrigger(cron, zone()));
                }
            });
        }
    }

    void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /** Runs work on the bot threads; before start (a runtime built by hand, in tests) on a thread of its own. */
    void execute(Runnable work, String threadName, boolean started) {
        if (scheduler != null && started) {
            scheduler.execute(work);
        } else {
            new Thread(work, threadName).start();
        }
    }
}
