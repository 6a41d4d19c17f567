package io.clearflow.testmetrics.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.testmetrics.api.GateMetric;
import io.clearflow.testmetrics.api.RuleResult;
import io.clearflow.testmetrics.api.Verdict;
import io.clearflow.testmetrics.metrics.ChangedCodeCoverage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in default rule set on hand-made evidence; every figure is worked out in the comments. */
class GateEvaluatorTest {

    static final GateRuleSets.RuleSet DEFAULT = GateRuleSets.builtIn().get("default");

    static RuleResult rule(List<RuleResult> results, GateMetric metric) {
        return results.stream().filter(r -> r.metric() == metric).findFirst().orElseThrow();
    }

    @Test
    void aVersionThatMeetsEveryRule() {
        var evidence = new GateEvidence(
                new GateEvidence.Tests("128", List.of(1L), 10, 9, 0, 0, 1), // 9 of 9 executed passed, 1 skipped
                new GateEvidence.Coverage("128", List.of(2L), 80, 20, 5, 5), // 80 / 100 lines = 80.00 %
                new ChangedCodeCoverage.Result(7, 10, List.of("A.java"), List.of()), true, // 7 / 10 = 70.00 %
                new GateEvidence.Findings(List.of(3L), 0, Set.of("f1", "f2"), "3.1.0", Set.of("f1", "f2", "f3")),
                List.of());
        List<RuleResult> results = GateEvaluator.evaluate(DEFAULT, evidence);
        assertThat(results).hasSize(7).allMatch(r -> r.verdict() == Verdict.PASS);
        assertThat(rule(results, GateMetric.TESTS_EXECUTED).actual()).isEqualByComparingTo("9");
        assertThat(rule(results, GateMetric.PASS_RATE).actual()).isEqualByComparingTo("100");
        assertThat(rule(results, GateMetric.LINE_COVERAGE).actual()).isEqualByComparingTo("80");
        assertThat(rule(results, GateMetric.CHANGED_CODE_COVERAGE).actual()).isEqualByComparingTo("70");
        assertThat(rule(results, GateMetric.NEW_FINDINGS).actual()).isEqualByComparingTo("0"); // f3 fixed, none new
        assertThat(rule(results, GateMetric.PASS_RATE).evidence()).containsEntry("run", "128").containsEntry("skipped", 1L);
        assertThat(GateEvaluator.overall(results)).isEqualTo(Verdict.PASS);
    }

    @Test
    void justBelowEachThresholdFails() {
        var evidence = new GateEvidence(
                new GateEvidence.Tests("7", List.of(1L), 3000, 2999, 1, 0, 0), // 2999 / 3000 = 99.966… → 99.96, not 100
                new GateEvidence.Coverage("7", List.of(2L), 7999, 2001, 0, 0), // 79.99 %
                new ChangedCodeCoverage.Result(2, 3, List.of("A.java"), List.of()), true, // 66.66 %
                new GateEvidence.Findings(List.of(3L), 1, Set.of("f1", "f9"), "3.1.0", Set.of("f1")), // f9 new
                List.of("CTRADE-7 (major)"));
        List<RuleResult> results = GateEvaluator.evaluate(DEFAULT, evidence);
        assertThat(rule(results, GateMetric.TESTS_EXECUTED).verdict()).isEqualTo(Verdict.PASS);
        assertThat(rule(results, GateMetric.PASS_RATE).actual()).isEqualByComparingTo("99.96");
        assertThat(results).filteredOn(r -> r.metric() != GateMetric.TESTS_EXECUTED).allMatch(r -> r.verdict() == Verdict.FAIL);
        assertThat(rule(results, GateMetric.LINE_COVERAGE).actual()).isEqualByComparingTo("79.99");
        assertThat(rule(results, GateMetric.CHANGED_CODE_COVERAGE).actual()).isEqualByComparingTo("66.66");
        assertThat(rule(results, GateMetric.NEW_FINDINGS).evidence().get("newFingerprints")).isEqualTo(List.of("f9"));
        assertThat(rule(results, GateMetric.OPEN_MAJOR_DEFECTS).evidence().get("defects")).isEqualTo(List.of("CTRADE-7 (major)"));
        assertThat(GateEvaluator.overall(results)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void missingEvidenceFailsAndNoDiffIsNotApplicable() {
        var evidence = new GateEvidence(null, null, null, false, null, List.of());
        List<RuleResult> results = GateEvaluator.evaluate(DEFAULT, evidence);
        assertThat(rule(results, GateMetric.TESTS_EXECUTED).actual()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rule(results, GateMetric.TESTS_EXECUTED).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rule(results, GateMetric.PASS_RATE).actual()).isNull();
        assertThat(rule(results, GateMetric.PASS_RATE).evidence()).containsEntry("missing", "no test report for this version");
        assertThat(rule(results, GateMetric.LINE_COVERAGE).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rule(results, GateMetric.CHANGED_CODE_COVERAGE).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(rule(results, GateMetric.OPEN_ERROR_FINDINGS).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rule(results, GateMetric.OPEN_MAJOR_DEFECTS).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void firstVersionCountsEveryFindingAsNew() {
        var evidence = new GateEvidence(null, null, null, false,
                new GateEvidence.Findings(List.of(3L), 0, Set.of("a", "b"), null, null), List.of());
        RuleResult fresh = GateEvaluator.evaluate(new GateRuleSets.RuleSet(List.of(new GateRuleSets.Rule(
                GateMetric.NEW_FINDINGS, io.clearflow.testmetrics.api.GateOperator.LE, BigDecimal.valueOf(2)))), evidence).get(0);
        assertThat(fresh.actual()).isEqualByComparingTo("2");
        assertThat(fresh.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fresh.evidence()).containsEntry("previousVersion", "none");
    }
}
