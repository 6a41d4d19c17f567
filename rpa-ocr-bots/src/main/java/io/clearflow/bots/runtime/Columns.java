package io.clearflow.bots.runtime;

import java.sql.Timestamp;
import java.time.Instant;

/** Values as the runtime's tables hold them, for its repositories. */
final class Columns {

    private Columns() {
    }

    /** The text cut to the column's width, marked as cut: a long error must not fail the write of its run. */
    static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
