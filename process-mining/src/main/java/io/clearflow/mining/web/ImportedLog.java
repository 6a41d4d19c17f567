package io.clearflow.mining.web;

import io.clearflow.mining.log.LogSummary;
import java.time.Instant;

/** Answer to an upload: the new log's id, its summary, and how many invalid events were skipped. */
public record ImportedLog(String id, String name, long cases, long events, long activities, Instant firstTimestamp,
                          Instant lastTimestamp, long untimedCases, int skippedEvents) {

    static ImportedLog of(String id, LogSummary summary, int skippedEvents) {
        return new ImportedLog(id, summary.name(), summary.cases(), summary.events(), summary.activities(),
                summary.firstTimestamp(), summary.lastTimestamp(), summary.untimedCases(), skippedEvents);
    }
}
