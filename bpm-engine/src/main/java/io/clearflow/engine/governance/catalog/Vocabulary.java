package io.clearflow.engine.governance.catalog;

import java.util.List;
import java.util.Map;

/**
 * The catalog's fixed vocabularies, as the values stored and shown on REST (labels come from the
 * governance bundle under {@code gov.<vocabulary>.<value>}).
 */
public final class Vocabulary {

    /** Where a scenario was identified: a published rule, a bottleneck in daily work, a process-mining finding. */
    public static final List<String> SOURCES = List.of("regulation", "bottleneck", "mining");
    public static final List<String> CATEGORIES = List.of("issuer", "clearing-participant", "investor", "internal");
    public static final String ELECTRONIC = "electronic";
    public static final String SELF_SERVICE = "self-service";
    public static final String INTELLIGENT = "intelligent";
    public static final List<String> MODES = List.of(ELECTRONIC, SELF_SERVICE, INTELLIGENT);

    /** The characteristics the seed's classification rules (l.3600) look at, by the mode they point to. */
    public static final Map<String, List<String>> CHARACTERISTICS_BY_MODE = Map.of(
            ELECTRONIC, List.of("few-steps", "clear-steps", "high-risk"),
            SELF_SERVICE, List.of("external-participants", "large-volume", "real-time"),
            INTELLIGENT, List.of("clear-rules", "repetitive", "high-frequency"));
    public static final List<String> CHARACTERISTICS = List.of("few-steps", "clear-steps", "high-risk",
            "external-participants", "large-volume", "real-time", "clear-rules", "repetitive", "high-frequency");

    public static final List<String> RUNNING_INSTANCES = List.of("continue", "migrate");
    public static final List<String> IMPROVEMENT_STATES = List.of("open", "in-progress", "done", "dropped");

    private Vocabulary() {
    }
}
