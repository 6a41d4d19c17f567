package io.clearflow.delivery.execution.jenkins;

import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.testmetrics.api.TestEvidence;
import io.clearflow.testmetrics.api.TestRunRecord;
import io.clearflow.testmetrics.api.TestStatus;
import java.util.List;

/**
 * A Jenkins build's test report into test-metrics: project = the system code, version = the version label,
 * run = {@code jenkins:<job>#<build>}. Jenkins' case statuses map as PASSED and FIXED → passed, FAILED and
 * REGRESSION → failed, SKIPPED → skipped; anything else → error. Durations come in seconds.
 */
final class TestReports {

    private final TestEvidence evidence;

    TestReports(TestEvidence evidence) {
        this.evidence = evidence;
    }

    static TestStatus status(String jenkinsStatus) {
        return switch (jenkinsStatus == null ? "" : jenkinsStatus.strip().toUpperCase()) {
            case "PASSED", "FIXED" -> TestStatus.PASSED;
            case "FAILED", "REGRESSION" -> TestStatus.FAILED;
            case "SKIPPED" -> TestStatus.SKIPPED;
            default -> TestStatus.ERROR;
        };
    }

    static TestRunRecord record(DeploymentOrder order, String job, int build, List<JenkinsClient.TestCase> cases) {
        String run = ("jenkins:" + job.replaceAll("[^A-Za-z0-9._+-]", ".") + "#" + build);
        if (run.length() > 64) {
            // keep the build number, which tells runs of one job apart
            String suffix = "#" + build;
            run = run.substring(0, 64 - suffix.length()) + suffix;
        }
        List<TestRunRecord.TestCaseRecord> records = cases.stream()
                .map(c -> new TestRunRecord.TestCaseRecord(c.className(), c.name(), status(c.status()),
                        Math.max(0, Math.round(c.durationSeconds() * 1000)), false, c.errorDetails()))
                .toList();
        return new TestRunRecord(order.system(), order.version(), run, "jenkins:" + job + "#" + build, records);
    }

    /** Records the cases; returns the test-metrics report id, or -1 when there is nothing to record it under. */
    long store(DeploymentOrder order, String job, int build, List<JenkinsClient.TestCase> cases) {
        if (evidence == null || order.version() == null || order.version().isBlank() || cases.isEmpty()) {
            return -1;
        }
        return evidence.recordTestRun(record(order, job, build, cases));
    }
}
