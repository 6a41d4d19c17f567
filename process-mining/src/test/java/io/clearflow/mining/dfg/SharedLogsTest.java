package io.clearflow.mining.dfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.mining.ReferenceLog;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Summary, DFG, start/end activities and variants on the shared real logs, against values an
 * independent reading of the raw file ({@link ReferenceLog}) computes from issue 5's definitions.
 */
class SharedLogsTest {

    @ParameterizedTest
    @ValueSource(strings = {"running-example.xes", "reviewing.xes", "helpdesk.xes.gz", "receipt.csv",
            "roadtraffic100traces.xes"})
    void analysesMatchAnIndependentReadingOfTheRawFile(String name) throws Exception {
        Path file = SharedData.eventLog(name);
        EventLog log = LogImporter.importFile(file, null, ImportOptions.strict()).log();
        ReferenceLog reference = name.endsWith(".csv") ? ReferenceLog.csv(file) : ReferenceLog.xes(file);

        LogSummary summary = LogSummary.of(log);
        assertThat(summary.cases()).isEqualTo(reference.cases().size());
        assertThat(summary.events()).isEqualTo(reference.events());
        assertThat(summary.activities()).isEqualTo(reference.activities());
        assertThat(summary.firstTimestamp()).isEqualTo(Instant.ofEpochMilli(reference.first()));
        assertThat(summary.lastTimestamp()).isEqualTo(Instant.ofEpochMilli(reference.last()));

        Dfg dfg = DfgMiner.mine(log);
        Map<String, Long> frequencies = new TreeMap<>();
        dfg.activities().forEach(a -> frequencies.put(a.name(), a.frequency()));
        assertThat(frequencies).isEqualTo(reference.activityFrequencies());
        Map<List<String>, ReferenceLog.EdgeStats> expectedEdges = reference.edges();
        assertThat(dfg.edges()).hasSize(expectedEdges.size());
        for (Dfg.Edge edge : dfg.edges()) {
            ReferenceLog.EdgeStats expected = expectedEdges.get(List.of(edge.source(), edge.target()));
            assertThat(expected).as("edge %s -> %s", edge.source(), edge.target()).isNotNull();
            assertThat(edge.frequency()).isEqualTo(expected.frequency());
            assertThat(edge.meanDurationMs()).isCloseTo(expected.mean(), within(1e-6));
            assertThat(edge.medianDurationMs()).isEqualTo(expected.median());
        }
        assertThat(new TreeMap<>(dfg.startActivities())).isEqualTo(reference.startActivities());
        assertThat(new TreeMap<>(dfg.endActivities())).isEqualTo(reference.endActivities());

        List<Variant> variants = VariantMiner.mine(log);
        Map<List<String>, Long> actual = new HashMap<>();
        variants.forEach(v -> actual.put(v.activities(), v.cases()));
        assertThat(actual).isEqualTo(reference.variants());
        assertThat(variants).isSortedAccordingTo((a, b) -> Long.compare(b.cases(), a.cases()));
        assertThat(variants.stream().mapToDouble(Variant::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"running-example.xes"})
    void runningExampleHasTheTextbookNumbers(String name) throws Exception {
        EventLog log = LogImporter.importFile(SharedData.eventLog(name), null, ImportOptions.strict()).log();
        Dfg dfg = DfgMiner.mine(log);
        // van der Aalst's running example: 6 cases, 42 events, 8 activities, every case starts with register request
        assertThat(LogSummary.of(log)).extracting(LogSummary::cases, LogSummary::events, LogSummary::activities)
                .containsExactly(6L, 42L, 8L);
        assertThat(dfg.startActivities()).containsExactly(Map.entry("register request", 6L));
        assertThat(dfg.endActivities()).containsOnly(Map.entry("pay compensation", 3L), Map.entry("reject request", 3L));
        assertThat(VariantMiner.mine(log)).hasSize(6);
    }
}
