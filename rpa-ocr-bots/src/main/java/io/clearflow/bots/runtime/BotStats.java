package io.clearflow.bots.runtime;

/** A bot's record over all its runs: what the console shows next to each bot. */
public record BotStats(long runs, long items, long done, long handed, long failed, double failureRate,
                       double averageHandlingMs) {
}
