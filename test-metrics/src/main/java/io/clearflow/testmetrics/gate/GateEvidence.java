package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.metrics.ChangedCodeCoverage;
import java.util.List;
import java.util.Set;

/**
 * What a gate reads about one version, gathered before any rule is evaluated (Spring-free, so rules are
 * tested on hand-made evidence). A null part means there is no such evidence.
 */
public record GateEvidence(Tests tests, Coverage coverage, ChangedCodeCoverage.Result changed, boolean diffSupplied,
                           Findings findings, List<String> openMajorDefects) {

    /** Test results of the version's latest run with test reports. */
    public record Tests(String run, List<Long> reportIds, long total, long passed, long failed, long errors, long skipped) {
        public long executed() {
            return total - skipped;
        }
    }

    /** Summed report-level counters of the latest run with coverage reports. */
    public record Coverage(String run, List<Long> reportIds, long lineCovered, long lineMissed, long branchCovered,
                           long branchMissed) {
    }

    /**
     * Unsuppressed findings of the latest SARIF reports, and the fingerprints of the previous version's
     * ({@code previousVersion} null when there is none with SARIF reports: every finding is then new).
     */
    public record Findings(List<Long> reportIds, long openErrors, Set<String> fingerprints, String previousVersion,
                           Set<String> previousFingerprints) {
    }
}
