package io.clearflow.testmetrics.api;

/** What a gate rule measures. */
public enum GateMetric {
    /** test cases executed (not skipped) in the version's latest run with test results */
    TESTS_EXECUTED,
    /** passed / executed, in percent */
    PASS_RATE,
    /** covered / (covered + missed) lines of the latest coverage reports, in percent */
    LINE_COVERAGE,
    /** the same for branches */
    BRANCH_COVERAGE,
    /** covered / executable lines among the lines the supplied diff adds or changes, in percent */
    CHANGED_CODE_COVERAGE,
    /** unsuppressed findings of effective level error in the latest SARIF reports */
    OPEN_ERROR_FINDINGS,
    /** unsuppressed findings whose fingerprint the previous version of the project did not have */
    NEW_FINDINGS,
    /** open defects found in the version with severity major, critical or blocker */
    OPEN_MAJOR_DEFECTS
}
