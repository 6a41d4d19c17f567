package io.clearflow.bots.runtime;

import java.time.Duration;

/**
 * How long the engine waits before it offers a failed job again: the configured base after the first failure,
 * doubled with each one before, at most an hour (a bot failing all night should not hammer the systems it reads).
 */
final class RetryBackoff {

    static final Duration MAX = Duration.ofHours(1);

    private final Duration base;

    RetryBackoff(Duration base) {
        this.base = base;
    }

    /** The wait after a failure of a job that had {@code retriesBefore} retries left (the engine starts at 3). */
    Duration after(int retriesBefore) {
        int failuresSoFar = Math.max(0, 3 - retriesBefore);
        Duration wait = base.multipliedBy(1L << Math.min(failuresSoFar, 10));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
