package io.clearflow.mining.log;

/** An imported log and how many invalid events were skipped (always 0 unless skipping was asked for). */
public record ImportResult(EventLog log, int skippedEvents) {
}
