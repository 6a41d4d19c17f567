package io.clearflow.mining.metrics;

import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;

/** Computes {@link MetricsReport} for a log held in memory, case by case with {@link MetricsAccumulator}. */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    public static MetricsReport compute(EventLog log) {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        CaseTrace trace = new CaseTrace();
        for (int c = 0; c < log.caseCount(); c++) {
            accumulator.add(log.trace(c, trace));
        }
        return accumulator.result(log);
    }
}
