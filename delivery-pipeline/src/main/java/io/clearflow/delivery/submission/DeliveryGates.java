package io.clearflow.delivery.submission;

import io.clearflow.delivery.version.VersionRef;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.GateResult;
import io.clearflow.testmetrics.api.QualityGates;
import io.clearflow.testmetrics.api.RuleResult;
import io.clearflow.testmetrics.api.Verdict;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A submission's entry and exit criteria, evaluated by test-metrics on the version's reports
 * ({@code project} = system code, {@code version} = version label).
 */
@Component
class DeliveryGates {

    static final String ENTRY = "entry";
    static final String EXIT = "exit";
    /** The delivery-side rule of the exit criteria: what the tester concluded. */
    static final String VERDICT_RULE = "TESTER_VERDICT = passed";

    private final QualityGates gates;
    private final GateProperties properties;
    private final Clock clock;

    DeliveryGates(QualityGates gates, GateProperties properties, Clock clock) {
        this.gates = gates;
        this.properties = properties;
        this.clock = clock;
        // a misspelt rule set would refuse every submission at run time: say so at start-up instead
        for (String ruleSet : List.of(properties.entry(), properties.exit())) {
            if (!gates.ruleSets().contains(ruleSet)) {
                throw new IllegalStateException("clearflow.delivery.gates names the rule set '" + ruleSet
                        + "', which test-metrics does not have: " + gates.ruleSets());
            }
        }
    }

    GateView entry(VersionRef version, String actor) {
        List<GateView.Rule> rules = evaluate(properties.entry(), version);
        return new GateView(null, ENTRY, properties.entry(), passed(rules), rules, actor, clock.instant());
    }

    GateView exit(VersionRef version, boolean testerPassed, String comment, String actor) {
        List<GateView.Rule> rules = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("tester", actor);
        if (comment != null && !comment.isBlank()) {
            evidence.put("comment", comment.strip());
        }
        rules.add(new GateView.Rule(VERDICT_RULE, testerPassed, testerPassed ? BigDecimal.ONE : BigDecimal.ZERO,
                null, testerPassed ? Verdict.PASS.name() : Verdict.FAIL.name(), evidence));
        rules.addAll(evaluate(properties.exit(), version));
        return new GateView(null, EXIT, properties.exit(), passed(rules), rules, actor, clock.instant());
    }

    private List<GateView.Rule> evaluate(String ruleSet, VersionRef version) {
        GateResult result;
        try {
            result = gates.evaluate(new GateRequest(ruleSet, version.system(), version.version()));
        } catch (NotFoundException e) {
            // test-metrics knows no report of this version at all: the evidence is missing, so the gate fails
            return List.of(new GateView.Rule("EVIDENCE", false, null, null, Verdict.FAIL.name(),
                    Map.of("missing", "no report in test-metrics for " + version.system() + " " + version.version())));
        }
        return result.rules().stream().map(DeliveryGates::view).toList();
    }

    private static GateView.Rule view(RuleResult r) {
        return new GateView.Rule(r.rule(), r.verdict() != Verdict.FAIL, r.actual(), r.threshold(), r.verdict().name(),
                r.evidence());
    }

    private static boolean passed(List<GateView.Rule> rules) {
        return rules.stream().allMatch(GateView.Rule::passed);
    }
}
