package io.clearflow.bots.runtime;

import java.time.Instant;

/** A run of a {@link SourceBot} as the bot sees it: where it reports its items, and whether it should stop. */
public interface SourceRun {

    /** True once the bot was paused: finish the item at hand and take no more. */
    boolean stopRequested();

    /** Records one item of the run (thread-safe: a bot may work on items in parallel). */
    void item(SourceItem item);

    /**
     * One item a source bot worked on.
     *
     * @param id         its identity in the source (e.g. a content hash), at most 64 characters
     * @param name       what a person recognises it by (a file name)
     * @param caseId     the platform case it led to, if any (the console links it)
     * @param outcome    what came of it
     * @param note       a short line for the run report: the status, the error
     */
    record SourceItem(String id, String name, String caseId, Outcome outcome, Instant startedAt, long handlingMs,
                      String note) { }

    /** Done by the bot; handed to people; recognised as already handled (counted as done); failed (technical). */
    enum Outcome {
        DONE("done"), HANDED("handed"), DUPLICATE("duplicate"), FAILED("failed");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** As stored in {@code rpa_run_item.outcome} (the same codes as job items). */
        public String code() {
            return code;
        }
    }
}
