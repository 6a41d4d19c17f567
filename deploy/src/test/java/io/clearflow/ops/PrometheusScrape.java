package io.clearflow.ops;

import java.util.Set;
import java.util.TreeSet;

/** Metric names in a Prometheus text or OpenMetrics exposition. */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /**
     * Names of the samples, not of the {@code # TYPE} families: a histogram family
     * {@code x_seconds} is queried as {@code x_seconds_bucket}, {@code _count} and {@code _sum},
     * and an OpenMetrics counter family drops the {@code _total} its samples carry.
     */
    static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
