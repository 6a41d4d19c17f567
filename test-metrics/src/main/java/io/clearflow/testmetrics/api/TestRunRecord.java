package io.clearflow.testmetrics.api;

import java.util.List;

/**
 * @param source where the run comes from, e.g. {@code jenkins:ctrade-ci#128}
 */
public record TestRunRecord(String project, String version, String run, String source, List<TestCaseRecord> cases) {

    public TestRunRecord {
        cases = List.copyOf(cases);
    }

    /** @param durationMs not negative */
    public record TestCaseRecord(String className, String name, TestStatus status, long durationMs, boolean flaky,
                                 String message) {
    }
}
