package io.clearflow.testmetrics.ingest;

import io.clearflow.testmetrics.api.TestStatus;

/** Where parsers put what they read, one item at a time (they keep no list of their own). */
public interface EvidenceSink {

    void testCase(ParsedTestCase testCase);

    void coverage(Coverage counters);

    void coverageFile(String path, LineSet covered, LineSet missed);

    void finding(ParsedFinding finding);

    /** A sink that keeps nothing (format checks, benchmarks). */
    EvidenceSink NONE = new EvidenceSink() {
        @Override public void testCase(ParsedTestCase testCase) { }
        @Override public void coverage(Coverage counters) { }
        @Override public void coverageFile(String path, LineSet covered, LineSet missed) { }
        @Override public void finding(ParsedFinding finding) { }
    };

    /**
     * One {@code <testcase>}: an error outranks a failure, a failure a skip; {@code flaky} when Surefire's
     * {@code flakyFailure}/{@code flakyError} stand beside a pass.
     */
    record ParsedTestCase(String suite, String className, String name, TestStatus status, long durationMs,
                          boolean flaky, int reruns, String message, String detail) {
    }

    /** Coverage counters of one scope: {@code report}, {@code package} or {@code class}. */
    record Coverage(String scope, String name, long lineCovered, long lineMissed, long branchCovered, long branchMissed,
                    long instructionCovered, long instructionMissed, long methodCovered, long methodMissed,
                    long classCovered, long classMissed) {
    }

    /**
     * One SARIF result with its effective level ({@code error, warning, note, none}).
     *
     * @param suppression {@code kind/status: justification} of an accepted suppression, else null
     */
    record ParsedFinding(String tool, String ruleId, String level, String message, String uri, Integer startLine,
                         String fingerprint, boolean suppressed, String suppression) {
    }
}
