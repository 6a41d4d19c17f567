package io.clearflow.mining.metrics;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.EventLog;

/** Computes {@link MetricsReport} for a log held in memory, case by case with {@link MetricsAccumulator}. */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    public static MetricsReport compute(EventLog log) {
        return compute(log, TimeMeasure.WALL_CLOCK);
    }

    /** Durations, waiting and handling measured by the calendar (working time), the rest as usual. */
    public static MetricsReport compute(EventLog log, TimeMeasure measure) {
        MetricsAccumulator accumulator = new MetricsAccumulator(measure);
        CaseTrace trace = new CaseTrace();
        for (int c = 0; c < log.caseCount(); c++) {
            accumulator.add(log.trace(c, trace));
        }
        return accumulator.result(log);
    }
}
