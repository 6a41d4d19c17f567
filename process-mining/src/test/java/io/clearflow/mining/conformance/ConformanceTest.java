package io.clearflow.mining.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clearflow.mining.SharedData;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    static PetriNet runningExample() throws Exception {
        return BpmnToPetriNet.convert(Files.readAllBytes(SharedData.eventLog("running-example.bpmn")));
    }

    /** Random play-out of the net: a log that the model generated, so it must fit perfectly. */
    static List<List<String>> playOut(PetriNet net, int cases, long seed) {
        return NetPlayOut.traces(net, cases, seed);
    }

    static EventLog toLog(List<List<String>> traces) {
        EventLogBuilder builder = new EventLogBuilder("generated");
        long t = 1_700_000_000_000L;
        for (int c = 0; c < traces.size(); c++) {
            for (String activity : traces.get(c)) {
                builder.add("case" + c, activity, t += 60_000, null, null, null, null, null);
            }
        }
        return builder.build();
    }

    @Test
    void aLogGeneratedFromTheModelFitsPerfectly() throws Exception {
        PetriNet net = runningExample();
        ConformanceReport report = TokenReplay.replay(toLog(playOut(net, 300, 42)), net);
        assertThat(report.cases()).isEqualTo(300);
        assertThat(report.fitness()).isEqualTo(1.0);
        assertThat(report.averageCaseFitness()).isEqualTo(1.0);
        assertThat(report.fittingCases()).isEqualTo(300);
        assertThat(report.nonFittingCases()).isEmpty();
        assertThat(report.deviations()).isEmpty();
        // and the real running-example log fits its textbook model too
        assertThat(TokenReplay.replay(SharedData.load("running-example.xes"), net).fitness()).isEqualTo(1.0);
    }

    @Test
    void injectedNoiseLowersFitnessAndIsFoundAtTheRightActivities() throws Exception {
        PetriNet net = runningExample();
        List<List<String>> traces = playOut(net, 100, 7);
        List<String> removed = new ArrayList<>(traces.get(0));
        int decide = removed.indexOf("decide");
        removed.remove(decide); // the next activity (pay/reject/reinitiate) misses the token decide makes
        String afterDecide = removed.get(decide);
        traces.set(0, removed);
        List<String> inserted = new ArrayList<>(traces.get(1));
        inserted.add(1, "pay compensation"); // paid before anything was decided
        traces.set(1, inserted);
        List<String> swapped = new ArrayList<>(traces.get(2));
        swapped.set(0, traces.get(2).get(1));
        swapped.set(1, "register request"); // the first examination or check before the registration
        traces.set(2, swapped);
        List<String> unknown = new ArrayList<>(traces.get(3));
        unknown.add(2, "call the lawyer");
        traces.set(3, unknown);

        ConformanceReport report = TokenReplay.replay(toLog(traces), net);
        assertThat(report.fitness()).isLessThan(1.0).isGreaterThan(0.8);
        assertThat(report.fittingCases()).isEqualTo(96);
        assertThat(report.nonFittingCaseCount()).isEqualTo(4);
        assertThat(report.nonFittingCases()).extracting(ConformanceReport.CaseFitness::caseId)
                .containsExactlyInAnyOrder("case0", "case1", "case2", "case3");
        assertThat(report.nonFittingCases()).allSatisfy(c -> assertThat(c.fitness()).isLessThan(1.0));
        List<String> missingAt = report.deviations().stream().filter(d -> d.missingTokens() > 0)
                .map(ConformanceReport.Deviation::activity).toList();
        assertThat(missingAt).contains(afterDecide, "pay compensation", swapped.get(0), "call the lawyer (not in model)");
        assertThat(report.deviations()).noneMatch(d -> d.activity().equals("check ticket") && d.missingTokens() > 0
                && !swapped.get(0).equals("check ticket"));
    }

    @Test
    void fitnessFollowsPm4pysFormulaOnASmallCase() throws Exception {
        PetriNet net = runningExample();
        // register, decide: decide misses both the examination's and the check's token (two inputs of the AND-join)
        ConformanceReport report = TokenReplay.replay(toLog(List.of(List.of("register request", "decide",
                "reject request"))), net);
        ConformanceReport.CaseFitness c = report.nonFittingCases().get(0);
        double expected = 0.5 * (1 - (double) c.missing() / c.consumed()) + 0.5 * (1 - (double) c.remaining() / c.produced());
        assertThat(c.fitness()).isCloseTo(expected, within(1e-12));
        assertThat(report.fitness()).isCloseTo(expected, within(1e-12));
        assertThat(c.missing()).isPositive();
        assertThat(c.remaining()).isPositive();
    }

    @Test
    void discoveredModelsReplayTheirOwnLogs() throws Exception {
        for (String name : List.of("running-example.xes", "reviewing.xes", "roadtraffic100traces.xes",
                "helpdesk.xes.gz", "receipt.csv", "interval_event_log.xes")) {
            EventLog log = SharedData.load(name);
            double exact = TokenReplay.replay(log, BpmnToPetriNet.convert(
                    DiscoveryService.discoverBpmn(log, 0, name, "role-process-owner"))).fitness();
            double filtered = TokenReplay.replay(log, BpmnToPetriNet.convert(
                    DiscoveryService.discoverBpmn(log, 0.2, name, "role-process-owner"))).fitness();
            System.out.printf("fitness of the discovered model on %s: noise 0: %.4f, noise 0.2: %.4f%n", name, exact,
                    filtered);
            assertThat(exact).as(name).isGreaterThanOrEqualTo(0.9);
            assertThat(filtered).as(name).isGreaterThan(0.5);
        }
    }

    @Test
    void badModelsAreRefusedWithAReason() {
        // tried: not XML, not BPMN, a DTD with an external entity (XXE), an inclusive gateway, a flow to nowhere
        assertThatThrownBy(() -> convert("this is not xml")).isInstanceOf(BpmnModelException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> convert("<html/>")).hasMessageContaining("not a BPMN 2.0 file");
        assertThatThrownBy(() -> convert("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<task id=\"t\" name=\"&x;\"/></process></definitions>"))
                .isInstanceOf(BpmnModelException.class).hasMessageContaining("DTD");
        String inclusive = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<startEvent id=\"s\"/><inclusiveGateway id=\"g\" name=\"either or both\"/><endEvent id=\"e\"/>"
                + "</process></definitions>";
        assertThatThrownBy(() -> convert(inclusive)).hasMessageContaining("inclusiveGateway 'either or both'");
        String dangling = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                + "<startEvent id=\"s\"/><endEvent id=\"e\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"x\"/>"
                + "</process></definitions>";
        assertThatThrownBy(() -> convert(dangling)).hasMessageContaining("unknown element x");
    }

    private static PetriNet convert(String xml) {
        return BpmnToPetriNet.convert(xml.getBytes(StandardCharsets.UTF_8));
    }
}
