package io.clearflow.testmetrics.api;

import java.time.Instant;
import java.util.List;

/**
 * The five DORA 2024 metrics of one system and period, each with its performance band
 * ({@code elite, high, medium, low}, or {@code none} when there is no data or no published band).
 */
public record DoraReport(String system, Instant from, Instant until, List<Metric> metrics, int deployments) {

    /** @param value in {@code unit}; null without data */
    public record Metric(String key, Double value, String unit, String band, String basis) {
    }
}
