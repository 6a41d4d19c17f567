package io.clearflow.testmetrics.maturity;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the indicators the platform has evidence for (Spring-free); every score says where it came from.
 *
 * <ul>
 *   <li>automated testing ← CI runs with test results per week (last 28 days): ≥ 1 → 2, ≥ 3 → 3, ≥ 10 → 4, ≥ 25 → 5;
 *       when the system has test plans, also the automation ratio of its newest plans (≥ 20 % → 2, ≥ 50 % → 3,
 *       ≥ 70 % → 4, ≥ 85 % → 5), the lower of the two levels counting (a level needs both);</li>
 *   <li>shift-left ← share of defects found in requirements, design or development (at least 5 defects): ≥ 10 % → 2,
 *       ≥ 25 % → 3, ≥ 40 % → 4, ≥ 60 % → 5;</li>
 *   <li>efficiency measurement ← kinds of evidence with data in the last 30 days (tests, coverage, findings, defects,
 *       delivery events): 1 → 2, 2–3 → 3, 4 → 4, 5 → 5;</li>
 *   <li>precision testing ← coverage kept: none → 1, totals only → 2, line-level (changed-code coverage possible) → 3;
 *       4 and 5 need an assessor;</li>
 *   <li>defect prevention ← escape rate (production / all defects, at least 5 defects): &gt; 30 % → 1, ≤ 30 → 2, ≤ 20 → 3,
 *       ≤ 10 → 4, ≤ 5 → 5;</li>
 *   <li>decision support ← share of the versions with reports in the last 90 days whose promotion a quality gate
 *       evaluated: none gated → 1, some → 2, ≥ 50 % → 3, ≥ 90 % with entry and exit criteria (two rule sets) → 4;
 *       5 (thresholds tuned from outcomes) needs an assessor.</li>
 * </ul>
 * Without enough evidence, or for the other six indicators, the level is null and the source says an assessor
 * must score it.
 */
public final class MaturityScorer {

    /** What the platform knows about one system. Null where it knows nothing. */
    public record Evidence(double ciRunsPerWeek, int defects, Double shareBeforeIntegration, int freshDataKinds,
                           boolean coverageTotals, boolean lineCoverage, Double escapeRate, Double automationRatio,
                           GateCoverage gates) {

        /** Evidence without gate evaluations. */
        public Evidence(double ciRunsPerWeek, int defects, Double shareBeforeIntegration, int freshDataKinds,
                        boolean coverageTotals, boolean lineCoverage, Double escapeRate, Double automationRatio) {
            this(ciRunsPerWeek, defects, shareBeforeIntegration, freshDataKinds, coverageTotals, lineCoverage, escapeRate,
                    automationRatio, null);
        }

        /** Evidence without test plans (no automation ratio). */
        public Evidence(double ciRunsPerWeek, int defects, Double shareBeforeIntegration, int freshDataKinds,
                        boolean coverageTotals, boolean lineCoverage, Double escapeRate) {
            this(ciRunsPerWeek, defects, shareBeforeIntegration, freshDataKinds, coverageTotals, lineCoverage, escapeRate, null);
        }
    }

    /** Of the versions with reports in the period: how many a gate evaluated, and how many by two rule sets. */
    public record GateCoverage(int versions, int gated, int gatedEntryAndExit) {
    }

    public record Score(String indicator, String domain, Integer level, String source) {
    }

    private MaturityScorer() {
    }

    public static List<Score> score(MaturityModel model, Evidence e) {
        List<Score> scores = new ArrayList<>();
        for (MaturityModel.Indicator i : model.indicators()) {
            Integer level = null;
            String source = "assessor (no platform evidence)";
            switch (i.evidence() == null ? "" : i.evidence()) {
                case "ciRunsPerWeek" -> {
                    double r = e.ciRunsPerWeek();
                    level = r >= 25 ? 5 : r >= 10 ? 4 : r >= 3 ? 3 : r >= 1 ? 2 : 1;
                    source = String.format(java.util.Locale.ROOT, "evidence: %.1f CI runs with test results per week (last 28 days)", r);
                    if (e.automationRatio() != null) {
                        double a = 100 * e.automationRatio();
                        level = Math.min(level, a >= 85 ? 5 : a >= 70 ? 4 : a >= 50 ? 3 : a >= 20 ? 2 : 1);
                        source += String.format(java.util.Locale.ROOT, "; %.0f %% of planned cases automated", a);
                    }
                }
                case "shareBeforeIntegration" -> {
                    if (e.defects() >= 5 && e.shareBeforeIntegration() != null) {
                        double s = 100 * e.shareBeforeIntegration();
                        level = s >= 60 ? 5 : s >= 40 ? 4 : s >= 25 ? 3 : s >= 10 ? 2 : 1;
                        source = String.format(java.util.Locale.ROOT, "evidence: %.0f %% of %d defects found before integration", s, e.defects());
                    } else {
                        source = "assessor (fewer than 5 recorded defects)";
                    }
                }
                case "freshDataKinds" -> {
                    int k = e.freshDataKinds();
                    level = k >= 5 ? 5 : k == 4 ? 4 : k >= 2 ? 3 : k == 1 ? 2 : 1;
                    source = "evidence: " + k + " of 5 kinds of evidence updated in the last 30 days";
                }
                case "changedCoverage" -> {
                    level = e.lineCoverage() ? 3 : e.coverageTotals() ? 2 : 1;
                    source = "evidence: " + (e.lineCoverage() ? "line-level coverage kept (changed-code coverage possible); "
                            + "levels 4–5 need an assessor" : e.coverageTotals() ? "coverage totals only" : "no coverage report");
                }
                case "escapeRate" -> {
                    if (e.defects() >= 5 && e.escapeRate() != null) {
                        double r = 100 * e.escapeRate();
                        level = r <= 5 ? 5 : r <= 10 ? 4 : r <= 20 ? 3 : r <= 30 ? 2 : 1;
                        source = String.format(java.util.Locale.ROOT, "evidence: escape rate %.0f %% of %d defects", r, e.defects());
                    } else {
                        source = "assessor (fewer than 5 recorded defects)";
                    }
                }
                case "gatedVersions" -> {
                    GateCoverage g = e.gates();
                    if (g != null && g.versions() > 0) {
                        double gated = 100.0 * g.gated() / g.versions();
                        double both = 100.0 * g.gatedEntryAndExit() / g.versions();
                        level = gated == 0 ? 1 : both >= 90 ? 4 : gated >= 50 ? 3 : 2;
                        source = String.format(java.util.Locale.ROOT, "evidence: %d of %d versions (last 90 days) gated, "
                                + "%d by entry and exit criteria; level 5 needs an assessor", g.gated(), g.versions(),
                                g.gatedEntryAndExit());
                    } else {
                        source = "assessor (no version with reports in the last 90 days)";
                    }
                }
                default -> { }
            }
            scores.add(new Score(i.key(), i.domain(), level, source));
        }
        return scores;
    }

    /** Mean level per domain over the scored indicators (null when none is scored). */
    public static java.util.Map<String, Double> domains(MaturityModel model, List<Score> scores) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String d : model.domains()) {
            out.put(d, scores.stream().filter(s -> s.domain().equals(d) && s.level() != null)
                    .mapToInt(Score::level).average().stream().boxed().findFirst().orElse(null));
        }
        return out;
    }
}
