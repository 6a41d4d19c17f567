package io.clearflow.mining.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.LargeLogBenchmark;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.variants.VariantMiner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming path must give exactly what the in-memory path gives on the same file, medians included. */
class StreamingMinerTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"helpdesk.xes.gz", "reviewing.xes", "running-example.xes", "roadtraffic100traces.xes",
            "interval_event_log.xes"})
    void aSharedLogStreamsToTheSameAnswersAsInMemory(String name) throws Exception {
        assertSameAnswers(SharedData.eventLog(name));
    }

    @Test
    void aGeneratedLogWithLifecyclesStreamsToTheSameAnswers() throws Exception {
        Path file = temp.resolve("generated.xes.gz");
        LargeLogBenchmark.write(file, 60_000);

        StreamingMiner.Result streamed = assertSameAnswers(file);

        assertThat(streamed.summary().events()).isGreaterThanOrEqualTo(60_000);
        assertThat(streamed.dfg().edges()).allSatisfy(e -> assertThat(e.medianDurationMs()).isNotNull());
        assertThat(streamed.metrics().tasks()).allSatisfy(t -> assertThat(t.waiting().medianMs()).isNotNull());
    }

    @Test
    void eventsOutOfOrderInATraceAreSortedAsInMemory() throws Exception {
        Path file = Files.writeString(temp.resolve("o.xes"), """
                <log><trace><string key="concept:name" value="1"/>
                <event><string key="concept:name" value="c"/><date key="time:timestamp" value="2020-01-01T12:00:00Z"/></event>
                <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
                <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-01-01T12:00:00Z"/></event>
                </trace><trace><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-02-01T10:00:00Z"/></event>
                <string key="concept:name" value="2"/></trace></log>""");

        StreamingMiner.Result streamed = assertSameAnswers(file);

        assertThat(streamed.variants()).extracting(v -> String.join(",", v.activities())).containsExactly("a", "a,c,b");
    }

    @Test
    void csvIsNotStreamed() {
        assertThatThrownBy(() -> StreamingMiner.mine(SharedData.eventLog("receipt.csv"), false))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("XES");
    }

    private static StreamingMiner.Result assertSameAnswers(Path file) throws Exception {
        EventLog log = LogImporter.importFile(file, null, ImportOptions.strict()).log();

        StreamingMiner.Result streamed = StreamingMiner.mine(file, false);

        assertThat(streamed.summary()).isEqualTo(LogSummary.of(log));
        assertThat(streamed.dfg()).isEqualTo(DfgMiner.mine(log));
        assertThat(streamed.variants()).isEqualTo(VariantMiner.mine(log));
        assertThat(streamed.metrics()).isEqualTo(MetricsCalculator.compute(log));
        return streamed;
    }
}
