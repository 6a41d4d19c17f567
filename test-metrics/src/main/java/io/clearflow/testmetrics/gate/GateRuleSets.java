package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.api.GateMetric;
import io.clearflow.testmetrics.api.GateOperator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Rule sets as configuration, and the built-in ones: configured rule sets add to the built-ins, and one
 * configured under a built-in's name replaces that built-in (see {@link #withBuiltIns}).
 */
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
     * {@code delivery-entry} (准入, a test submission's entry criteria): tests executed &gt; 0, pass rate = 100 %,
     * no open error-level finding. {@code delivery-exit} (准出, its exit criteria; the tester's verdict is a
     * delivery-side rule): open defects of severity ≥ major = 0.
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
                        rule(GateMetric.PASS_RATE, GateOperator.EQ, 100))),
                "delivery-entry", new RuleSet(List.of(
                        rule(GateMetric.TESTS_EXECUTED, GateOperator.GT, 0),
                        rule(GateMetric.PASS_RATE, GateOperator.EQ, 100),
                        rule(GateMetric.OPEN_ERROR_FINDINGS, GateOperator.EQ, 0))),
                "delivery-exit", new RuleSet(List.of(
                        rule(GateMetric.OPEN_MAJOR_DEFECTS, GateOperator.EQ, 0))));
    }

    /**
     * The built-ins with the configured rule sets laid over them by name: configuring one rule set must not
     * take away the others that modules (delivery's entry and exit criteria) rely on.
     */
    public static Map<String, RuleSet> withBuiltIns(Map<String, RuleSet> configured) {
        Map<String, RuleSet> all = new java.util.HashMap<>(builtIn());
        if (configured != null) {
            all.putAll(configured);
        }
        return Map.copyOf(all);
    }

    private static Rule rule(GateMetric metric, GateOperator operator, int threshold) {
        return new Rule(metric, operator, BigDecimal.valueOf(threshold));
    }
}
