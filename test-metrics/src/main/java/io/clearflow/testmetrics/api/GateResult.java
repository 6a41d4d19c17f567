package io.clearflow.testmetrics.api;

import java.time.Instant;
import java.util.List;

/** A gate's outcome: {@link Verdict#PASS} when no rule failed. */
public record GateResult(String ruleSet, String project, String version, Verdict verdict, List<RuleResult> rules,
                         Instant evaluatedAt) {

    public GateResult {
        rules = List.copyOf(rules);
    }
}
