package io.clearflow.testmetrics.api;

/** A rule's or a gate's outcome. A rule without the evidence it needs fails; see {@link RuleResult}. */
public enum Verdict {
    PASS, FAIL,
    /** the rule does not apply (changed-code coverage without a diff); does not fail the gate */
    NOT_APPLICABLE
}
