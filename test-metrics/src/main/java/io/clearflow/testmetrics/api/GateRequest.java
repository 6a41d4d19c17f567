package io.clearflow.testmetrics.api;

/**
 * @param ruleSet rule-set name (configuration {@code clearflow.test-metrics.rule-sets.<name>})
 * @param project application system code, e.g. {@code ctrade}
 * @param version the version asking to pass
 * @param diff    optional unified diff of the version's change (git diff); without it the changed-code
 *                coverage rule is not applicable
 */
public record GateRequest(String ruleSet, String project, String version, String diff) {

    public GateRequest(String ruleSet, String project, String version) {
        this(ruleSet, project, version, null);
    }
}
