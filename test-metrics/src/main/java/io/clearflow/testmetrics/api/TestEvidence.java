package io.clearflow.testmetrics.api;

import java.util.List;

/**
 * Evidence that outside systems provide through the delivery pipeline: a Jenkins test report
 * ({@code /testReport/api/json}, mapped to cases) and Jira defects (JQL per project and version).
 */
public interface TestEvidence {

    /** Stores one run's test results as a report of format {@code junit}; returns the report id. */
    long recordTestRun(TestRunRecord run);

    /** Inserts or updates defects by key; returns how many were written. */
    int recordDefects(String project, List<DefectRecord> defects);
}
