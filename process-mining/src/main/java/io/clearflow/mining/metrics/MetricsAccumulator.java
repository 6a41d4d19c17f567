package io.clearflow.mining.metrics;

import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.log.CaseTrace;
import io.clearflow.mining.log.Durations;
import io.clearflow.mining.log.LogNames;
import io.clearflow.mining.metrics.MetricsReport.Distribution;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The seed's metric system computed case by case, shared by the in-memory path
 * ({@link MetricsCalculator}) and the streaming one, so both give the same report. What it keeps is
 * bounded by the metrics, not the log: per activity and month the waiting and handling durations
 * (one long each per activity instance, for exact medians and percentiles; the whole-log figures are
 * computed from the months' values at the end), per case month the case durations, per post the
 * step counts per hour and day, and counters. Each dimension keeps its own: {@link ProcessDimension},
 * {@link TaskDimension}, {@link PersonDimension}, {@link PostDimension}.
 */
public final class MetricsAccumulator {

    private final ActivityInstances instances;
    private final Map<YearMonth, YearMonth> canonicalMonths = new HashMap<>();
    private int caseIndex;
    private long untimedCases;

    private final ProcessDimension process;
    private final TaskDimension tasks = new TaskDimension();
    private final PersonDimension persons = new PersonDimension();
    private final PostDimension posts = new PostDimension();

    public MetricsAccumulator() {
        this(TimeMeasure.WALL_CLOCK);
    }

    /** @param measure case durations, waiting and handling: wall clock or working time */
    public MetricsAccumulator(TimeMeasure measure) {
        this.instances = ActivityInstances.empty(measure);
        this.process = new ProcessDimension(measure);
    }

    /** One case, its events in timestamp order. Cases are numbered in the order they are added. */
    public void add(CaseTrace trace) {
        int c = caseIndex++;
        if (trace.size() == 0) {
            return;
        }
        if (!trace.timed()) { // no month to put it in, no durations: counted as unavailable
            untimedCases++;
            return;
        }
        YearMonth month = canonicalMonths.computeIfAbsent(MonthOverMonth.monthOf(trace.time(0)), m -> m);
        process.add(trace, c, month);
        instances.clear();
        instances.addCase(trace, c);
        tasks.add(trace, instances, month);
        persons.add(trace, instances, c, month);
        posts.add(trace);
    }

    public MetricsReport result(LogNames names) {
        return new MetricsReport(process.result(), tasks.result(names), persons.result(names), posts.result(names),
                untimedCases);
    }

    static Distribution distribution(Durations durations) {
        return new Distribution(durations.count(), durations.mean(), durations.median(), durations.percentile(90));
    }
}
