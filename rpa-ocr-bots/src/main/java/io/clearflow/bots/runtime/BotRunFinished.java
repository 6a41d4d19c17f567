package io.clearflow.bots.runtime;

/**
 * Published when a run of a bot ends, on the bot's thread after its report is written, however the run ended
 * (done, with item errors, or stopped by an error).
 *
 * @param run the finished run's report, as stored
 */
public record BotRunFinished(RunReport run) {
}
