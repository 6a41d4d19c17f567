package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.api.GateMetric;
import io.clearflow.testmetrics.api.RuleResult;
import io.clearflow.testmetrics.api.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a rule set on a version's evidence. Every rule is evaluated. A rule whose evidence is missing
 * (no test report, no coverage report, no SARIF report) fails with a null actual and says so; the
 * changed-code coverage rule is not applicable without a diff. Percentages have two decimals.
 */
public final class GateEvaluator {

    private GateEvaluator() {
    }

    public static List<RuleResult> evaluate(GateRuleSets.RuleSet ruleSet, GateEvidence evidence) {
        List<RuleResult> results = new ArrayList<>();
        for (GateRuleSets.Rule rule : ruleSet.rules()) {
            results.add(evaluate(rule, evidence));
        }
        return results;
    }

    public static Verdict overall(List<RuleResult> results) {
        return results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL) ? Verdict.FAIL : Verdict.PASS;
    }

    static RuleResult evaluate(GateRuleSets.Rule rule, GateEvidence e) {
        Map<String, Object> ev = new LinkedHashMap<>();
        BigDecimal actual = null;
        boolean applicable = true;
        switch (rule.metric()) {
            case TESTS_EXECUTED, PASS_RATE -> {
                if (e.tests() == null) {
                    ev.put("missing", "no test report for this version");
                    if (rule.metric() == GateMetric.TESTS_EXECUTED) {
                        actual = BigDecimal.ZERO;
                    }
                } else {
                    var t = e.tests();
                    ev.put("run", t.run());
                    ev.put("reportIds", t.reportIds());
                    ev.put("tests", t.total());
                    ev.put("executed", t.executed());
                    ev.put("passed", t.passed());
                    ev.put("failed", t.failed());
                    ev.put("errors", t.errors());
                    ev.put("skipped", t.skipped());
                    if (rule.metric() == GateMetric.TESTS_EXECUTED) {
                        actual = BigDecimal.valueOf(t.executed());
                    } else if (t.executed() > 0) {
                        actual = percent(t.passed(), t.executed());
                    } else {
                        ev.put("missing", "no executed test case");
                    }
                }
            }
            case LINE_COVERAGE, BRANCH_COVERAGE -> {
                if (e.coverage() == null) {
                    ev.put("missing", "no coverage report for this version");
                } else {
                    var c = e.coverage();
                    ev.put("run", c.run());
                    ev.put("reportIds", c.reportIds());
                    boolean lines = rule.metric() == GateMetric.LINE_COVERAGE;
                    long covered = lines ? c.lineCovered() : c.branchCovered();
                    long missed = lines ? c.lineMissed() : c.branchMissed();
                    ev.put("covered", covered);
                    ev.put("missed", missed);
                    if (covered + missed > 0) {
                        actual = percent(covered, covered + missed);
                    } else {
                        ev.put("missing", lines ? "the reports count no lines" : "the reports count no branches");
                    }
                }
            }
            case CHANGED_CODE_COVERAGE -> {
                if (!e.diffSupplied()) {
                    applicable = false;
                    ev.put("reason", "no diff supplied");
                } else if (e.changed() == null) {
                    ev.put("missing", "no coverage report with line data for this version");
                } else {
                    var c = e.changed();
                    ev.put("changedExecutableLines", c.executable());
                    ev.put("changedCoveredLines", c.covered());
                    ev.put("matchedFiles", c.matchedFiles());
                    ev.put("filesWithoutCoverage", c.unmatchedFiles());
                    if (c.executable() > 0) {
                        actual = percent(c.covered(), c.executable());
                    } else {
                        applicable = false;
                        ev.put("reason", "the diff changes no line the coverage reports know as executable");
                    }
                }
            }
            case OPEN_ERROR_FINDINGS, NEW_FINDINGS -> {
                if (e.findings() == null) {
                    ev.put("missing", "no SARIF report for this version");
                } else {
                    var f = e.findings();
                    ev.put("reportIds", f.reportIds());
                    if (rule.metric() == GateMetric.OPEN_ERROR_FINDINGS) {
                        actual = BigDecimal.valueOf(f.openErrors());
                    } else {
                        Set<String> before = f.previousFingerprints() == null ? Set.of() : f.previousFingerprints();
                        List<String> fresh = f.fingerprints().stream().filter(fp -> !before.contains(fp)).sorted().toList();
                        ev.put("previousVersion", f.previousVersion() == null ? "none" : f.previousVersion());
                        ev.put("newFingerprints", fresh.size() > 20 ? fresh.subList(0, 20) : fresh);
                        actual = BigDecimal.valueOf(fresh.size());
                    }
                }
            }
            case OPEN_MAJOR_DEFECTS -> {
                ev.put("defects", e.openMajorDefects());
                actual = BigDecimal.valueOf(e.openMajorDefects().size());
            }
        }
        Verdict verdict = !applicable ? Verdict.NOT_APPLICABLE
                : actual == null ? Verdict.FAIL
                : rule.operator().holds(actual, rule.threshold()) ? Verdict.PASS : Verdict.FAIL;
        return new RuleResult(rule.describe(), rule.metric(), rule.operator(), rule.threshold(), actual, verdict, ev);
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
