package io.clearflow.testmetrics.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Figures of a test plan (Spring-free): automation ratio (automated cases / all cases), requirement coverage
 * (cases linked to at least one demand / all cases, and how many demands they cover), execution progress
 * (cases with a status, blocked included / all) and test-case effectiveness (distinct defects found by the cases /
 * cases that ran, i.e. passed or failed).
 */
public final class PlanMetrics {

    /** What a case's latest execution says; automated cases take their latest CI result. */
    public enum CaseStatus { PASSED, FAILED, BLOCKED, NOT_RUN }

    public record Case(long id, boolean automated, Set<Long> demands, CaseStatus status, Set<String> defects) {
    }

    public record Figures(int cases, int automated, int manual, Double automationRatio, int linkedCases, int demands,
                          Double requirementCoverage, int executed, int passed, int failed, int blocked, int notRun,
                          Double progress, Double passRate, int defects, Double effectiveness) {

        public static final Figures EMPTY = compute(List.of());
    }

    private PlanMetrics() {
    }

    public static Figures compute(List<Case> cases) {
        int automated = 0;
        int linked = 0;
        int[] byStatus = new int[CaseStatus.values().length];
        Set<Long> demands = new HashSet<>();
        Set<String> defects = new HashSet<>();
        for (Case c : cases) {
            automated += c.automated() ? 1 : 0;
            if (!c.demands().isEmpty()) {
                linked++;
                demands.addAll(c.demands());
            }
            byStatus[c.status().ordinal()]++;
            defects.addAll(c.defects());
        }
        int n = cases.size();
        int notRun = byStatus[CaseStatus.NOT_RUN.ordinal()];
        int executed = n - notRun;
        int passed = byStatus[CaseStatus.PASSED.ordinal()];
        int failed = byStatus[CaseStatus.FAILED.ordinal()];
        // blocked cases were attempted but could not run: they count towards progress, not towards the pass rate
        int ran = passed + failed;
        return new Figures(n, automated, n - automated, ratio(automated, n), linked, demands.size(), ratio(linked, n),
                executed, passed, failed, byStatus[CaseStatus.BLOCKED.ordinal()], notRun, ratio(executed, n),
                ratio(passed, ran), defects.size(), ran == 0 ? null : (double) defects.size() / ran);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
