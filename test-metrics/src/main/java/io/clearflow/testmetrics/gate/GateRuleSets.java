package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.api.GateMetric;
import io.clearflow.testmetrics.api.GateOperator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Rule sets as configuration, and the two built in when none is configured. */
public final class GateRuleSets {

    private GateRuleSets() {
    }

    /** @param rules evaluated in order; every rule is evaluated, none short-circuits */
    public record RuleSet(@NotEmpty List<@Valid Rule> rules) {
        public RuleSet {
            rules = List.copyOf(rules);
        }
    }

    /** e.g. {@code metric: LINE_COVERAGE, operator: GE, threshold: 80} */
    public record Rule(@NotNull GateMetric metric, @NotNull GateOperator operator, @NotNull BigDecimal threshold) {
        public String describe() {
            return metric + " " + operator.symbol() + " " + threshold.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * {@code default}: tests executed &gt; 0, pass rate = 100 %, line coverage ≥ 80 %, changed-code coverage ≥ 70 %,
     * no open error-level findings, no new findings, open defects of severity ≥ major = 0.
     * {@code smoke}: tests executed &gt; 0 and pass rate = 100 %.
     */
    public static Map<String, RuleSet> builtIn() {
        return Map.of(
                "default", new RuleSet(List.of(
                        rule(GateMetric.TESTS_EXECUTED, GateOperator.GT, 0),
                        rule(GateMetric.PASS_RATE, GateOperator.EQ, 100),
                        rule(GateMetric.LINE_COVERAGE, GateOperator.GE, 80),
                        rule(GateMetric.CHANGED_CODE_COVERAGE, GateOperator.GE, 70),
                        rule(GateMetric.OPEN_ERROR_FINDINGS, GateOperator.EQ, 0),
                        rule(GateMetric.NEW_FINDINGS, GateOperator.EQ, 0),
                        rule(GateMetric.OPEN_MAJOR_DEFECTS, GateOperator.EQ, 0))),
                "smoke", new RuleSet(List.of(
                        rule(GateMetric.TESTS_EXECUTED, GateOperator.GT, 0),
                        rule(GateMetric.PASS_RATE, GateOperator.EQ, 100))));
    }

    private static Rule rule(GateMetric metric, GateOperator operator, int threshold) {
        return new Rule(metric, operator, BigDecimal.valueOf(threshold));
    }
}
