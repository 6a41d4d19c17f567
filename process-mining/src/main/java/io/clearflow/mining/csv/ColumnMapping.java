package io.clearflow.mining.csv;

/**
 * Which CSV columns hold the standard attributes. Case, activity and timestamp are required; the
 * others may be {@code null} (or name a column the file lacks, in which case they are left empty
 * only if they are the defaults, so a typo in an explicit mapping is still reported).
 */
public record ColumnMapping(String caseId, String activity, String timestamp, String resource, String group,
                            String role, String lifecycle, String instance) {

    /** The XES-style names pm4py and Disco export: {@code case:concept:name}, {@code concept:name}, ... */
    public static ColumnMapping xesDefaults() {
        return new ColumnMapping("case:concept:name", "concept:name", "time:timestamp", "org:resource", "org:group",
                "org:role", "lifecycle:transition", "concept:instance");
    }

    /** The defaults with any non-blank value given here replacing them. */
    public ColumnMapping overriding(ColumnMapping explicit) {
        if (explicit == null) {
            return this;
        }
        return new ColumnMapping(pick(explicit.caseId, caseId), pick(explicit.activity, activity),
                pick(explicit.timestamp, timestamp), pick(explicit.resource, resource), pick(explicit.group, group),
                pick(explicit.role, role), pick(explicit.lifecycle, lifecycle), pick(explicit.instance, instance));
    }

    private static String pick(String explicit, String fallback) {
        return explicit == null || explicit.isBlank() ? fallback : explicit;
    }
}
