package io.clearflow.mining.log;

/**
 * How strict an import is.
 *
 * @param skipInvalid skip events without a usable case, activity or timestamp (and count them)
 *                    instead of failing on the first one
 * @param maxEvents   refuse logs with more events than this, so one upload cannot exhaust the heap
 */
public record ImportOptions(boolean skipInvalid, int maxEvents) {

    public static final int DEFAULT_MAX_EVENTS = 5_000_000;

    public ImportOptions {
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("maxEvents must be positive");
        }
    }

    public static ImportOptions strict() {
        return new ImportOptions(false, DEFAULT_MAX_EVENTS);
    }

    public ImportOptions withSkipInvalid(boolean value) {
        return new ImportOptions(value, maxEvents);
    }
}
