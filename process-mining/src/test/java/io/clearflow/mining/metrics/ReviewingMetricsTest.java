package io.clearflow.mining.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.mining.ReferenceLog;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.ImportOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Waiting and handling on the real reviewing log (start and complete transitions), against a second,
 * plain computation from the raw file: a start opens an activity's instance (if none is open), a
 * complete closes it; the work arrives when the case's previous step completed.
 */
class ReviewingMetricsTest {

    @Test
    void waitingAndHandlingPerActivityMatchAnIndependentPairing() throws Exception {
        Path file = SharedData.eventLog("reviewing.xes");
        ReferenceLog reference = ReferenceLog.xes(file);
        Map<String, List<Long>> handling = new HashMap<>();
        Map<String, List<Long>> waiting = new HashMap<>();
        for (List<ReferenceLog.Event> events : reference.cases().values()) {
            Map<String, Long> openStart = new HashMap<>();
            Long lastCompletion = null;
            for (ReferenceLog.Event e : events) {
                if (e.lifecycle().equals("start")) {
                    if (!openStart.containsKey(e.activity())) {
                        openStart.put(e.activity(), e.time());
                        if (lastCompletion != null) {
                            waiting.computeIfAbsent(e.activity(), k -> new ArrayList<>()).add(e.time() - lastCompletion);
                        }
                    }
                } else {
                    Long start = openStart.remove(e.activity());
                    if (start != null) {
                        handling.computeIfAbsent(e.activity(), k -> new ArrayList<>()).add(e.time() - start);
                    } else if (lastCompletion != null) {
                        waiting.computeIfAbsent(e.activity(), k -> new ArrayList<>()).add(e.time() - lastCompletion);
                    }
                    lastCompletion = e.time();
                }
            }
        }

        MetricsReport report = MetricsCalculator.compute(LogImporter.importFile(file, null, ImportOptions.strict()).log());

        assertThat(report.tasks()).hasSize(reference.activityFrequencies().size());
        for (MetricsReport.TaskMetrics task : report.tasks()) {
            check(task.activity() + " handling", task.handling(), handling.getOrDefault(task.activity(), List.of()));
            check(task.activity() + " waiting", task.waiting(), waiting.getOrDefault(task.activity(), List.of()));
        }
        assertThat(handling.values().stream().mapToInt(List::size).sum()).isEqualTo(1452); // every start is paired
        assertThat(report.process().cases()).isEqualTo(100);
        assertThat(report.resources()).isNotEmpty();
    }

    private static void check(String what, MetricsReport.Distribution actual, List<Long> expected) {
        assertThat(actual.count()).as(what + " count").isEqualTo(expected.size());
        if (!expected.isEmpty()) {
            double mean = expected.stream().mapToLong(Long::longValue).average().orElseThrow();
            assertThat(actual.meanMs()).as(what + " mean").isCloseTo(mean, within(1e-6));
        }
    }
}
