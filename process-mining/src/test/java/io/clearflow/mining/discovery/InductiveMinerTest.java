package io.clearflow.mining.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.SharedData;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.variants.Variant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InductiveMinerTest {

    static List<Variant> variants(Object... traceAndCount) {
        List<Variant> variants = new java.util.ArrayList<>();
        for (int i = 0; i < traceAndCount.length; i += 2) {
            String trace = (String) traceAndCount[i];
            variants.add(new Variant(trace.isEmpty() ? List.of() : Arrays.asList(trace.split(",")),
                    (Integer) traceAndCount[i + 1], 0));
        }
        return variants;
    }

    static EventLog load(String name) throws Exception {
        return LogImporter.importFile(SharedData.eventLog(name), null,
                ImportOptions.strict()).log();
    }

    @Test
    void findsEachCutOnTextbookLogs() {
        assertThat(InductiveMiner.discover(variants("a,b,c", 5), 0)).hasToString("->('a', 'b', 'c')");
        assertThat(InductiveMiner.discover(variants("a,b,d", 3, "a,c,d", 2), 0)).hasToString("->('a', X('b', 'c'), 'd')");
        assertThat(InductiveMiner.discover(variants("a,b,c,d", 3, "a,c,b,d", 2), 0)).hasToString("->('a', +('b', 'c'), 'd')");
        assertThat(InductiveMiner.discover(variants("a,b", 3, "a,b,c,a,b", 2), 0)).hasToString("*(->('a', 'b'), 'c')");
        assertThat(InductiveMiner.discover(variants("a", 3, "", 2), 0)).hasToString("X(tau, 'a')");
        assertThat(InductiveMiner.discover(variants("a,a,a", 3, "a", 2), 0)).hasToString("*('a', tau)");
    }

    @Test
    void noiseFilteringIgnoresRareBehaviourThatPlainInductiveMinerKeeps() {
        // one case in a hundred repeats b: IM must loop, IMf treats the repetition as noise
        List<Variant> repeat = variants("a,b,c", 99, "a,b,b,c", 1);
        assertThat(InductiveMiner.discover(repeat, 0)).hasToString("->('a', *('b', tau), 'c')");
        assertThat(InductiveMiner.discover(repeat, 0.2)).hasToString("->('a', 'b', 'c')");
        // one case jumps from one branch into the other: no cut fits until the rare edge a->d is filtered
        List<Variant> jump = variants("a,b", 50, "c,d", 49, "a,d", 1);
        assertThat(InductiveMiner.discover(jump, 0).toString()).doesNotStartWith("X(");
        assertThat(InductiveMiner.discover(jump, 0.2)).hasToString("X(->('a', 'b'), ->('c', 'd'))");
        assertThat(InductiveMiner.discover(variants("a,b", 99, "", 1), 0.2)).hasToString("->('a', 'b')");
    }

    @Test
    void runningExampleGivesTheTextbookModel() throws Exception {
        assertThat(InductiveMiner.discover(load("running-example.xes"), 0)).hasToString(
                "->('register request', *(->(+('check ticket', X('examine casually', 'examine thoroughly')), 'decide'), "
                        + "'reinitiate request'), X('pay compensation', 'reject request'))");
    }

    @Test
    void everySharedLogGivesAModelMentioningEachFrequentActivity() throws Exception {
        for (String name : List.of("reviewing.xes", "roadtraffic100traces.xes", "helpdesk.xes.gz", "receipt.csv",
                "interval_event_log.xes")) {
            EventLog log = load(name);
            String tree = InductiveMiner.discover(log, 0).toString();
            for (int a = 0; a < log.activityCount(); a++) {
                assertThat(tree).as(name).contains("'" + log.activityName(a) + "'");
            }
            System.out.println(name + ": " + tree);
        }
    }

    @Test
    void refusesANoiseThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> InductiveMiner.discover(variants("a", 1), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InductiveMiner.discover(variants("a", 1), -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
