package io.clearflow.bots.runtime;

import java.util.Optional;

/**
 * What the {@link BotRuntime} needs of every bot, whatever its kind: a name, a schedule. A bot is one of two
 * kinds, which share the runtime's schedules, run now, pause/resume and run reports:
 * <ul>
 *   <li>{@link Bot}: works on the engine's external-worker jobs of one topic (acquired, completed, failed);</li>
 *   <li>{@link SourceBot}: pulls its items from a source of its own (a folder, an HTTP endpoint) in each run.</li>
 * </ul>
 */
public interface ScheduledBot {

    /** Stable name, used in URLs, the store and configuration ({@code clearflow.bots.bot.<name>.*}). */
    String name();

    /** Spring cron (six fields, in {@code clearflow.bots.zone}) used unless configuration overrides it; empty for on demand only. */
    default String defaultCron() {
        return "0 */30 9-17 * * MON-FRI";
    }

    /** What this bot cannot do here now for want of an optional capability; empty when it can do all its work. */
    default Optional<BotLimitation> limitation() {
        return Optional.empty();
    }
}
