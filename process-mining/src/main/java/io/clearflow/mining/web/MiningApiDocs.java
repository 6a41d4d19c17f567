package io.clearflow.mining.web;

/** What the mining API's controllers say of themselves in OpenAPI, once, so they form one group. */
final class MiningApiDocs {

    static final String TAG = "Process mining";

    static final String TAG_DESCRIPTION = "Imported XES/CSV logs and the platform's own log (id 'platform'): "
            + "summary, directly-follows graph, variants, the seed's metric system and bottlenecks. Every analysis takes "
            + "the case filters from, to (case start), activity, resource, department, variant (repeated), "
            + "minDurationMs, maxDurationMs, and for the platform log processKey.";

    static final String CALENDAR = "'working': durations, waiting and handling in working time by the configured "
            + "calendar (clearflow.mining.calendar: working days and hours, Chinese public holidays and adjusted working "
            + "days); 'wall': elapsed time; default clearflow.mining.calendar.working-time";

    private MiningApiDocs() {
    }
}
