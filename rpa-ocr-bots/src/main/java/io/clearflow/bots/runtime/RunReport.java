package io.clearflow.bots.runtime;

import java.time.Instant;

/** One run of a bot: when, why, and what came of it. {@code finishedAt} is null while it runs. */
public record RunReport(long id, String bot, String trigger, String startedBy, String workerId, Instant startedAt,
                        Instant finishedAt, int itemsDone, int itemsHanded, int itemsFailed, String errors) {

    public int items() {
        return itemsDone + itemsHanded + itemsFailed;
    }

    public boolean running() {
        return finishedAt == null;
    }
}
