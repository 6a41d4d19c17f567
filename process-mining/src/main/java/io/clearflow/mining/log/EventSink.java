package io.clearflow.mining.log;

/**
 * Where a reader puts the events it reads: an {@link EventLogBuilder} to hold the log in memory, or a
 * streaming analysis that sees one case at a time. XES readers call {@link #endCase} after each trace,
 * so a sink can finish a case without waiting for the end of the log.
 */
public interface EventSink {

    /** One event; {@code caseId} and {@code activity} are set, the rest may be {@code null}. */
    void event(String caseId, String activity, long timestampMillis, String resource, String group, String role,
               String lifecycle, String instance);

    /** The events of the current case are all delivered (XES: end of a trace). */
    default void endCase() {
    }
}
