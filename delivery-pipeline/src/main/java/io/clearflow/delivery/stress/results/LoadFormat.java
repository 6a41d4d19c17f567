package io.clearflow.delivery.stress.results;

/** The load-tool result files the platform reads, recognised by their content (never by the file name). */
public enum LoadFormat {
    /** Apache JMeter JTL as CSV with its header line. */
    JMETER_CSV(false),
    /** Apache JMeter JTL as XML ({@code <testResults>} of {@code <httpSample>}/{@code <sample>}). */
    JMETER_XML(false),
    /** k6 {@code --summary-export} JSON: aggregates only. */
    K6_SUMMARY(true),
    /** Locust {@code *_stats.csv}: aggregates per request name. */
    LOCUST_STATS(true),
    /** Locust {@code *_stats_history.csv}: cumulative aggregates over time. */
    LOCUST_HISTORY(true);

    private final boolean aggregateOnly;

    LoadFormat(boolean aggregateOnly) {
        this.aggregateOnly = aggregateOnly;
    }

    /** Whether the file holds only the tool's own aggregates (no single samples to compute the figures from). */
    public boolean aggregateOnly() {
        return aggregateOnly;
    }
}
