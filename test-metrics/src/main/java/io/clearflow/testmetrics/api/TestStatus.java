package io.clearflow.testmetrics.api;

/** A test case's outcome, as JUnit XML reports it (an error outranks a failure, a failure a skip). */
public enum TestStatus {
    PASSED, FAILED, ERROR, SKIPPED
}
