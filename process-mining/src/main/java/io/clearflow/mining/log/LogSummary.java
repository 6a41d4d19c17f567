package io.clearflow.mining.log;

import java.time.Instant;

/**
 * The headline numbers of a log. {@code untimedCases} counts cases with an event without timestamp
 * (XES allows them): they count everywhere except in time-based figures, which are unavailable for them.
 */
public record LogSummary(String name, long cases, long events, long activities, Instant firstTimestamp,
                         Instant lastTimestamp, long untimedCases) {

    public static LogSummary of(EventLog log) {
        boolean[] seen = new boolean[log.activityCount()];
        long activities = 0;
        for (int e = 0; e < log.eventCount(); e++) {
            if (!seen[log.activity(e)]) {
                seen[log.activity(e)] = true;
                activities++;
            }
        }
        return new LogSummary(log.name(), log.caseCount(), log.eventCount(), activities, log.firstTimestamp(),
                log.lastTimestamp(), log.untimedCaseCount());
    }
}
