package io.clearflow.mining.dfg;

import java.util.List;
import java.util.Map;

/**
 * A directly-follows graph: the REST and CLI shape of issue 5. Activities and edges are sorted by
 * frequency (highest first), then by name; start and end activity maps likewise.
 */
public record Dfg(List<Activity> activities, List<Edge> edges, Map<String, Long> startActivities,
                  Map<String, Long> endActivities) {

    public record Activity(String name, long frequency) {
    }

    /**
     * Durations are between the two events' timestamps, in ms, over the occurrences whose two events
     * both have one; {@code null} when none has (a log without timestamps). The performance view of the
     * map colours edges by the median and shows mean, median and maximum.
     */
    public record Edge(String source, String target, long frequency, Double meanDurationMs, Double medianDurationMs,
                       Double maxDurationMs) {
    }
}
