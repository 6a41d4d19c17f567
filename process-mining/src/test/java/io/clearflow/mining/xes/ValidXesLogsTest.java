package io.clearflow.mining.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.conformance.BpmnToPetriNet;
import io.clearflow.mining.conformance.ConformanceReport;
import io.clearflow.mining.conformance.TokenReplay;
import io.clearflow.mining.dfg.Dfg;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFilter;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.log.Timestamps;
import io.clearflow.mining.metrics.ActivityInstances;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.stream.StreamingMiner;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 part 1: every valid XES log is read. Hand-written logs of each kind the standard allows
 * (events without timestamps, traces without names, lifecycle pairs without times, the 2023
 * revision's extensions, unknown types, lists, containers, ids), and hostile ones still refused.
 */
class ValidXesLogsTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n";

    @TempDir
    Path temp;

    /** As ProM's generators write them: no time extension at all. */
    private static final String UNTIMED = HEAD
            + trace("c1", ev("register"), ev("check"), ev("decide"))
            + trace("c2", ev("register"), ev("decide"), ev("check"), ev("decide"))
            + trace("c3", ev("register"), ev("check"), ev("decide"))
            + "</log>";

    @Test
    void eventsWithoutTimestampsKeepLogOrderAndEveryControlFlowAnalysisWorks() throws IOException {
        EventLog log = read(UNTIMED);

        assertThat(XesReaderTest.activities(log))
                .isEqualTo("register,check,decide,register,decide,check,decide,register,check,decide");
        assertThat(log.timestamp(0)).isEqualTo(Timestamps.NONE);
        assertThat(LogSummary.of(log)).isEqualTo(new LogSummary("test.xes", 3, 10, 3, null, null, 3));

        Dfg dfg = DfgMiner.mine(log);
        Dfg.Edge registerCheck = edge(dfg, "register", "check");
        assertThat(registerCheck.frequency()).isEqualTo(2);
        assertThat(registerCheck.meanDurationMs()).isNull();
        assertThat(registerCheck.medianDurationMs()).isNull();
        assertThat(edge(dfg, "check", "decide").frequency()).isEqualTo(3);
        assertThat(edge(dfg, "decide", "check").frequency()).isEqualTo(1);
        assertThat(dfg.startActivities()).containsEntry("register", 3L);

        List<Variant> variants = VariantMiner.mine(log);
        assertThat(variants).extracting(Variant::activities).containsExactly(
                List.of("register", "check", "decide"), List.of("register", "decide", "check", "decide"));
        assertThat(variants.get(0).cases()).isEqualTo(2);

        // discovery with noise 0 replays its own log perfectly, as on timed logs
        byte[] bpmn = DiscoveryService.discoverBpmn(log, 0.0, "untimed", "role-process-owner");
        ConformanceReport replay = TokenReplay.replay(log, BpmnToPetriNet.convert(bpmn));
        assertThat(replay.fitness()).isEqualTo(1.0);
        assertThat(replay.fittingCases()).isEqualTo(3);
    }

    @Test
    void timeBasedFiguresSayTheyAreUnavailableForUntimedCasesAndUseTheTimedOnes() throws IOException {
        String xml = HEAD
                + trace("timed", ev("a", "2020-01-01T10:00:00Z"), ev("b", "2020-01-01T12:00:00Z"))
                + trace("untimed", ev("a"), ev("b"))
                + trace("partly", ev("a", "2020-01-02T10:00:00Z"), ev("b"))
                + "</log>";
        EventLog log = read(xml);

        LogSummary summary = LogSummary.of(log);
        assertThat(summary.untimedCases()).isEqualTo(2);
        assertThat(summary.firstTimestamp()).isEqualTo(Instant.parse("2020-01-01T10:00:00Z"));
        assertThat(summary.lastTimestamp()).isEqualTo(Instant.parse("2020-01-02T10:00:00Z"));

        Dfg.Edge ab = edge(DfgMiner.mine(log), "a", "b");
        assertThat(ab.frequency()).isEqualTo(3);
        assertThat(ab.meanDurationMs()).isEqualTo(2 * 3_600_000.0); // from the one pair with two timestamps
        assertThat(ab.medianDurationMs()).isEqualTo(2 * 3_600_000.0);

        MetricsReport metrics = MetricsCalculator.compute(log);
        assertThat(metrics.untimedCases()).isEqualTo(2);
        assertThat(metrics.process().cases()).isEqualTo(1);
        assertThat(metrics.process().handlingDuration().meanMs()).isEqualTo(2 * 3_600_000.0);

        BottleneckReport bottlenecks = BottleneckAnalyzer.analyze(log, java.time.Duration.ofHours(1));
        assertThat(bottlenecks.untimedCases()).isEqualTo(2);
        assertThat(bottlenecks.sla().casesOver()).isEqualTo(1);
        assertThat(bottlenecks.sla().shareOver()).isEqualTo(1.0); // of the cases whose duration is known
        assertThat(bottlenecks.activities()).singleElement().satisfies(w -> {
            assertThat(w.activity()).isEqualTo("b");
            assertThat(w.frequency()).isEqualTo(1);
        });

        // a period or duration filter cannot place an untimed case; the others keep them
        LogFilter period = new LogFilter(Instant.parse("2019-01-01T00:00:00Z"), null, null, null, null, null, null, null);
        assertThat(period.apply(log).caseCount()).isEqualTo(1);
        LogFilter byActivity = new LogFilter(null, null, "a", null, null, null, null, null);
        assertThat(byActivity.apply(log).caseCount()).isEqualTo(3);
    }

    @Test
    void aCaseWithSomeEventsUntimedKeepsItsLogOrderRatherThanBeingSortedAroundThem() throws IOException {
        String xml = HEAD + trace("1", ev("late", "2020-01-01T12:00:00Z"), ev("between"), ev("early", "2020-01-01T08:00:00Z"))
                + trace("2", ev("late", "2020-01-01T12:00:00Z"), ev("early", "2020-01-01T08:00:00Z")) + "</log>";

        EventLog log = read(xml);

        // case 1 stays as written; case 2, fully timed, is put in time order as before
        assertThat(XesReaderTest.activities(log)).isEqualTo("late,between,early,early,late");
    }

    @Test
    void tracesWithoutANameAreNumbered() throws IOException {
        String xml = HEAD + "<trace>" + ev("a") + "</trace>\n"
                + trace("named", ev("a"))
                + "<trace><int key=\"cost\" value=\"3\"/>" + ev("b") + "</trace>\n</log>";

        EventLog log = read(xml);

        assertThat(log.caseCount()).isEqualTo(3);
        assertThat(List.of(log.caseId(0), log.caseId(1), log.caseId(2))).containsExactly("trace 1", "named", "trace 3");
    }

    @Test
    void startCompletePairsWithoutTimestampsArePairedAndOnlyCompletionsMakeTheControlFlow() throws IOException {
        String xml = HEAD + trace("1", ev("a", null, "start"), ev("a", null, "complete"), ev("b", null, "start"),
                ev("c", null, "start"), ev("b", null, "complete"), ev("c", null, "complete")) + "</log>";

        EventLog log = read(xml);

        assertThat(VariantMiner.mine(log).get(0).activities()).containsExactly("a", "b", "c");
        assertThat(edge(DfgMiner.mine(log), "a", "b").frequency()).isEqualTo(1);
        ActivityInstances instances = ActivityInstances.of(log);
        assertThat(instances.size()).isEqualTo(3); // a, b, c: each start joined to its completion
        for (int i = 0; i < instances.size(); i++) {
            assertThat(instances.handling(i)).isEqualTo(ActivityInstances.UNKNOWN);
        }
        assertThat(MetricsCalculator.compute(log).untimedCases()).isEqualTo(1);
    }

    @Test
    void xes2023ExtensionsUnknownTypesListsContainersAndIdsAreNeverFatal() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<log xes.version=\"2.0\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n"
                + "<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
                + "<extension name=\"Cost\" prefix=\"cost\" uri=\"http://www.xes-standard.org/cost.xesext\"/>\n"
                + "<extension name=\"Future\" prefix=\"future\" uri=\"https://example.org/future.xesext\"/>\n"
                + "<global scope=\"event\"><string key=\"concept:name\" value=\"__INVALID__\"/></global>\n"
                + "<classifier name=\"Activity\" keys=\"concept:name\"/>\n"
                + "<string key=\"concept:name\" value=\"log name\"><id key=\"identity:id\" value=\"5b1e8c6a-1f7e-4c2d-9f3a-0b6a2e1d9c11\"/></string>\n"
                + "<trace>\n"
                + "<id key=\"identity:id\" value=\"8f14e45f-ceea-467f-a2b1-0c0b6e2f5d3a\"/>\n"
                + "<list key=\"tags\"><values><string key=\"concept:name\" value=\"not the case\"/></values></list>\n"
                + "<string key=\"concept:name\" value=\"case-1\"/>\n"
                + "<event>\n"
                + "<container key=\"cost:drivers\"><float key=\"cost:amount\" value=\"1.5\"/>"
                + "<string key=\"concept:name\" value=\"not the activity\"/></container>\n"
                + "<list key=\"cost:drivers\"><string key=\"concept:name\" value=\"nor this\"/><int key=\"n\" value=\"2\"/></list>\n"
                + "<string key=\"concept:name\" value=\"pay\"><string key=\"lang\" value=\"en\"/></string>\n"
                + "<date key=\"time:timestamp\" value=\"2023-05-01T10:00:00.000+02:00\"/>\n"
                + "<id key=\"identity:id\" value=\"0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6\"/>\n"
                + "<decimal key=\"future:amount\" value=\"12.50\"/>\n"
                + "<duration key=\"future:wait\" value=\"PT5M\"/>\n"
                + "<boolean key=\"paid\" value=\"true\"/><unknowntype key=\"x\" value=\"y\"/><flag key=\"novalue\"/>\n"
                + "</event>\n"
                + "<event><string key=\"concept:name\" value=\"ship\"/><int key=\"n\" value=\"not a number\"/></event>\n"
                + "</trace>\n</log>";

        EventLog log = read(xml);

        assertThat(log.caseId(0)).isEqualTo("case-1");
        assertThat(XesReaderTest.activities(log)).isEqualTo("pay,ship");
        assertThat(log.timestamp(0)).isEqualTo(Instant.parse("2023-05-01T08:00:00Z").toEpochMilli());
        assertThat(log.timestamp(1)).isEqualTo(Timestamps.NONE);
    }

    @Test
    void hostileLogsAreStillRefused() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<log><trace><event><string key=\"concept:name\" value=\"&c;\"/>"
                + "</event></trace></log>";
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(LogFormatException.class).hasMessageContaining("DTD");

        String undeclared = HEAD + trace("1", "<event><string key=\"concept:name\" value=\"&lol;\"/></event>") + "</log>";
        assertThatThrownBy(() -> read(undeclared)).isInstanceOf(LogFormatException.class);

        String truncated = UNTIMED.substring(0, UNTIMED.length() / 2);
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(LogFormatException.class);

        String noActivity = HEAD + trace("1", "<event><string key=\"org:resource\" value=\"x\"/></event>") + "</log>";
        assertThatThrownBy(() -> read(noActivity)).isInstanceOf(LogFormatException.class)
                .hasMessageContaining("has no concept:name");
    }

    @Test
    void theStreamingPathGivesTheSameAnswersOnAnUntimedLog() throws IOException {
        Path file = Files.writeString(temp.resolve("untimed.xes"), UNTIMED);
        EventLog log = read(UNTIMED);

        StreamingMiner.Result streamed = StreamingMiner.mine(file, false);

        assertThat(streamed.summary().untimedCases()).isEqualTo(3);
        assertThat(streamed.summary().firstTimestamp()).isNull();
        assertThat(streamed.dfg()).isEqualTo(DfgMiner.mine(log));
        assertThat(streamed.variants()).isEqualTo(VariantMiner.mine(log));
        assertThat(streamed.metrics()).isEqualTo(MetricsCalculator.compute(log));
    }

    @Test
    void anExportedUntimedLogHasNoTimestampsAndReadsBackTheSame() throws Exception {
        EventLog log = read(UNTIMED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XesExporter.write(log, out);

        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("time:timestamp");
        EventLog back = XesReader.read(new ByteArrayInputStream(out.toByteArray()), "back", ImportOptions.strict()).log();
        assertThat(XesReaderTest.activities(back)).isEqualTo(XesReaderTest.activities(log));
    }

    private static Dfg.Edge edge(Dfg dfg, String source, String target) {
        return dfg.edges().stream().filter(e -> e.source().equals(source) && e.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + source + " -> " + target));
    }

    private EventLog read(String xml) throws IOException {
        return XesReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xes",
                ImportOptions.strict()).log();
    }

    private static String trace(String name, String... events) {
        return "<trace>\n<string key=\"concept:name\" value=\"" + name + "\"/>\n" + String.join("\n", events) + "\n</trace>\n";
    }

    private static String ev(String activity) {
        return ev(activity, null, null);
    }

    private static String ev(String activity, String time) {
        return ev(activity, time, null);
    }

    private static String ev(String activity, String time, String lifecycle) {
        return "<event>\n<string key=\"concept:name\" value=\"" + activity + "\"/>\n"
                + (time == null ? "" : "<date key=\"time:timestamp\" value=\"" + time + "\"/>\n")
                + (lifecycle == null ? "" : "<string key=\"lifecycle:transition\" value=\"" + lifecycle + "\"/>\n")
                + "</event>";
    }
}
