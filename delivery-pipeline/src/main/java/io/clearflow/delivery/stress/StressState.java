package io.clearflow.delivery.stress;

/** Where a stress test is; each state but the last has exactly one open step in the engine. */
public enum StressState {
    PLANNING, DESIGNING, EXECUTING, REPORTING, CONFIRMING, ARCHIVED, VERIFIED;

    /** Results may come in until the report is handed to ops (a baseline may well run before the formal design). */
    boolean takesResults() {
        return ordinal() <= REPORTING.ordinal();
    }

    /** Ops confirmed the report: it is archived with the version and counts as evidence. */
    public boolean accepted() {
        return this == ARCHIVED || this == VERIFIED;
    }
}
