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

    /**
     * The defects found in a version of a project (system code and version label), oldest first; empty when the
     * version has no recorded evidence. Read by the delivery pipeline's project page (defects per delivered version).
     */
    List<DefectRecord> defects(String project, String version);
}
