package io.clearflow.bots.runtime;

import java.time.Instant;

/** A bot as the console shows it. {@code cron} is empty for a bot that runs on demand only. */
public record BotStatus(String name, String topic, String cron, String zone, boolean paused, boolean running,
                        Instant nextRun, RunReport lastRun, BotStats stats) {
}
