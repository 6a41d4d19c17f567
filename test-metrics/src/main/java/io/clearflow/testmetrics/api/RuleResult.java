package io.clearflow.testmetrics.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One rule's outcome.
 *
 * @param rule      readable rule, e.g. {@code PASS_RATE = 100}
 * @param actual    the measured value, null when the evidence is missing
 * @param evidence  what the rule read: report ids, run, counts, or why nothing was found
 */
public record RuleResult(String rule, GateMetric metric, GateOperator operator, BigDecimal threshold,
                         BigDecimal actual, Verdict verdict, Map<String, Object> evidence) {

    public RuleResult {
        evidence = Map.copyOf(evidence);
    }
}
