package io.clearflow.bots.runtime;

import java.time.Instant;

/**
 * A bot as the console shows it. {@code cron} is empty for a bot that runs on demand only.
 *
 * @param kind   {@value #KIND_JOBS} (a {@link Bot}: {@code topic} is set) or {@value #KIND_SOURCE} (a {@link SourceBot}:
 *               {@code source} is set)
 * @param limitation what the bot cannot do on this node (e.g. OCR unavailable); null when nothing is missing
 */
public record BotStatus(String name, String kind, String topic, BotSource source, String cron, String zone, boolean paused,
                        boolean running, Instant nextRun, RunReport lastRun, BotStats stats, BotLimitation limitation) {

    public static final String KIND_JOBS = "jobs";
    public static final String KIND_SOURCE = "source";
}
