package io.clearflow.testmetrics.api;

import java.time.Instant;
import java.util.List;

/**
 * The five DORA 2024 metrics of one system and period, each with its performance band
 * ({@code elite, high, medium, low}, or {@code none} when there is no data or no published band).
 */
public record DoraReport(String system, Instant from, Instant until, List<Metric> metrics, int deployments) {

    /**
     * @param value     in {@code unit}; null without data
     * @param basis     what the value was computed from, in English (for API clients and logs)
     * @param basisKey  the same as a message key of the {@code testmetrics} bundle, for pages in the reader's language
     * @param basisArgs the key's arguments (counts)
     */
    public record Metric(String key, Double value, String unit, String band, String basis, String basisKey,
                         List<Object> basisArgs) {

        public Metric {
            basisArgs = basisArgs == null ? List.of() : List.copyOf(basisArgs);
        }
    }
}
