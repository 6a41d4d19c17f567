package io.clearflow.mining.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.SharedData;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFilter;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.variants.VariantMiner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters applied while an XES log is read (import and streaming) keep exactly the cases the in-memory filters keep,
 * and the slice is all that is held.
 */
class StreamingFilterTest {

    /** Filters built from the log's own values so each keeps some cases and drops others. */
    static List<LogFilter> filters(EventLog log) {
        int n = log.caseCount();
        long[] starts = new long[n];
        long[] durations = new long[n];
        for (int c = 0; c < n; c++) {
            starts[c] = log.timestamp(log.caseStart(c));
            durations[c] = log.timestamp(log.caseEnd(c) - 1) - starts[c];
        }
        long[] sortedStarts = starts.clone();
        Arrays.sort(sortedStarts);
        long[] sortedDurations = durations.clone();
        Arrays.sort(sortedDurations);
        int c = n / 2;
        List<String> variant = new ArrayList<>();
        for (int e : log.completeEvents(c)) {
            variant.add(log.activityName(log.activity(e)));
        }
        String activity = log.activityName(log.activity(log.caseEnd(c) - 1));
        String resource = log.resourceName(log.resource(log.caseStart(c)));
        String group = log.groupName(log.group(log.caseStart(c)));
        List<LogFilter> filters = new ArrayList<>(List.of(
                new LogFilter(Instant.ofEpochMilli(sortedStarts[n / 3]), Instant.ofEpochMilli(sortedStarts[2 * n / 3]),
                        null, null, null, null, null, null),
                new LogFilter(null, null, null, null, null, variant, null, null),
                new LogFilter(null, null, activity, null, null, null, null, null),
                new LogFilter(null, null, null, null, null, null, sortedDurations[n / 2], null),
                new LogFilter(Instant.ofEpochMilli(sortedStarts[n / 4]), null, activity, null, null, null, null,
                        sortedDurations[3 * n / 4])));
        if (resource != null) {
            filters.add(new LogFilter(null, null, null, resource, null, null, null, null));
        }
        if (group != null) {
            filters.add(new LogFilter(null, null, null, null, group, null, null, null));
        }
        return filters;
    }

    private static List<String> caseIds(EventLog log) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            ids.add(log.caseId(c));
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"helpdesk.xes.gz", "reviewing.xes", "running-example.xes", "roadtraffic100traces.xes",
            "interval_event_log.xes"})
    void filteringWhileReadingEqualsFilteringInMemory(String name) throws Exception {
        Path file = SharedData.eventLog(name);
        EventLog full = LogImporter.importFile(file, null, ImportOptions.strict()).log();
        for (LogFilter filter : filters(full)) {
            EventLog inMemory = filter.apply(full);
            EventLog whileRead = LogImporter.importFile(file, null, ImportOptions.strict().withFilter(filter)).log();
            assertThat(inMemory.caseCount()).as("%s keeps some cases", filter).isPositive();
            assertThat(caseIds(whileRead)).as("%s on %s", filter, name).isEqualTo(caseIds(inMemory));
            assertThat(whileRead.eventCount()).isEqualTo(inMemory.eventCount());
            assertThat(DfgMiner.mine(whileRead)).isEqualTo(DfgMiner.mine(inMemory));
            assertThat(VariantMiner.mine(whileRead)).isEqualTo(VariantMiner.mine(inMemory));

            StreamingMiner.Result streamed = StreamingMiner.mine(file, false, filter);
            assertThat(streamed.dfg()).isEqualTo(DfgMiner.mine(inMemory));
            assertThat(streamed.variants()).isEqualTo(VariantMiner.mine(inMemory));
            assertThat(streamed.metrics()).isEqualTo(MetricsCalculator.compute(inMemory));
            assertThat(streamed.summary().cases()).isEqualTo(inMemory.caseCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"helpdesk.xes.gz"})
    void aSliceOfALogLargerThanTheEventLimitCanBeImported(String name) throws Exception {
        Path file = SharedData.eventLog(name);
        EventLog full = LogImporter.importFile(file, null, ImportOptions.strict()).log();
        LogFilter filter = filters(full).get(1); // one variant
        int slice = filter.apply(full).eventCount();
        assertThat(slice).isLessThan(full.eventCount() / 2);
        // a limit that the whole log exceeds but the slice does not: only the slice was ever held
        ImportOptions limited = new ImportOptions(false, slice + 1);
        assertThatThrownBy(() -> LogImporter.importFile(file, null, limited)).isInstanceOf(LogFormatException.class);
        EventLog imported = LogImporter.importFile(file, null, limited.withFilter(filter)).log();
        assertThat(imported.eventCount()).isEqualTo(slice);
        assertThat(LogSummary.of(imported).cases()).isEqualTo(filter.apply(full).caseCount());
        // and the limit still holds for the slice
        assertThatThrownBy(() -> LogImporter.importFile(file, null, new ImportOptions(false, slice - 1).withFilter(filter)))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("filtered log");
    }
}
