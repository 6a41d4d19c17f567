package io.clearflow.testmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Samples written after the parsers and never used to tune them ({@code reports/held-out/README.md}).
 * Expectations are counted by hand from the files.
 */
class HeldOutCorpusTest {

    @Test
    void phpunitThreeLevelsOfSuites() throws IOException {
        CollectingSink sink = new CollectingSink();
        var parsed = ReportReaderTest.read("held-out/phpunit.xml", sink);
        assertThat(parsed.format()).isEqualTo(ReportFormat.JUNIT);
        assertThat(parsed.summary()).containsEntry("tests", 3L).containsEntry("failures", 1L)
                .containsEntry("errors", 0L).containsEntry("skipped", 1L);
        assertThat(sink.testCase("testStampDuty").className()).isEqualTo("Tests.Unit.FeeTest");
        assertThat(sink.testCase("testCommissionFloor").message()).isEqualTo("Tests\\Unit\\FeeTest::testCommissionFloor");
    }

    @Test
    void jacocoAggregateWithGroupsCountsTheReportOnce() throws IOException {
        CollectingSink sink = new CollectingSink();
        var parsed = ReportReaderTest.read("held-out/jacoco-aggregate-groups.xml", sink);
        assertThat(parsed.summary()).containsEntry("lineCovered", 13L).containsEntry("lineMissed", 4L)
                .containsEntry("branchCovered", 6L).containsEntry("branchMissed", 2L)
                .containsEntry("classes", 2L).containsEntry("packages", 2L);
        assertThat(sink.files).containsKey("io/clearflow/api/Quote.java");
    }

    @Test
    void trivyLevels() throws IOException {
        CollectingSink sink = new CollectingSink();
        var parsed = ReportReaderTest.read("held-out/trivy.sarif", sink);
        assertThat(parsed.summary()).containsEntry("results", 2L).containsEntry("error", 1L)
                .containsEntry("warning", 1L).containsEntry("note", 0L).containsEntry("none", 0L);
        assertThat(sink.findings.get(0).ruleId()).isEqualTo("CVE-2022-42889");
        assertThat(sink.findings.get(0).uri()).isEqualTo("app/lib/commons-text-1.9.jar");
    }
}
