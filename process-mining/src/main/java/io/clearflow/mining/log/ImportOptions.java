package io.clearflow.mining.log;

/**
 * How strict an import is.
 *
 * @param skipInvalid skip events without a usable case, activity or timestamp (and count them)
 *                    instead of failing on the first one
 * @param maxEvents   refuse logs with more events than this, so one upload cannot exhaust the heap
 * @param objectType  for an OCEL log, the object type to flatten it on ({@code null}: its only one)
 */
public record ImportOptions(boolean skipInvalid, int maxEvents, String objectType, LogFilter filter) {

    public ImportOptions(boolean skipInvalid, int maxEvents) {
        this(skipInvalid, maxEvents, null, null);
    }

    public ImportOptions(boolean skipInvalid, int maxEvents, String objectType) {
        this(skipInvalid, maxEvents, objectType, null);
    }

    /** Keep only the cases the filter keeps; XES logs are filtered while they are read (see {@link FilteringSink}). */
    public ImportOptions withFilter(LogFilter value) {
        return new ImportOptions(skipInvalid, maxEvents, objectType, value == null || value.isEmpty() ? null : value);
    }

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
        return new ImportOptions(value, maxEvents, objectType, filter);
    }

    public ImportOptions withObjectType(String value) {
        return new ImportOptions(skipInvalid, maxEvents, value == null || value.isBlank() ? null : value.trim(), filter);
    }
}
