package io.clearflow.testmetrics.ingest;

import io.clearflow.testmetrics.store.CoverageFileRepository;
import io.clearflow.testmetrics.store.CoverageRepository;
import io.clearflow.testmetrics.store.FindingRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import java.util.ArrayList;
import java.util.List;

/** Writes what a parser reads in JDBC batches of {@value #BATCH}, so memory does not grow with the file. */
final class StoreSink implements EvidenceSink {

    static final int BATCH = 1000;

    private final long reportId;
    private final long runId;
    private final long versionId;
    private final TestResultRepository results;
    private final CoverageRepository coverage;
    private final CoverageFileRepository files;
    private final FindingRepository findings;
    private final List<ParsedTestCase> pendingCases = new ArrayList<>();
    private final List<Coverage> pendingCoverage = new ArrayList<>();
    private final List<CoverageFileRepository.NewFile> pendingFiles = new ArrayList<>();
    private final List<ParsedFinding> pendingFindings = new ArrayList<>();

    StoreSink(long reportId, long runId, long versionId, TestResultRepository results, CoverageRepository coverage,
              CoverageFileRepository files, FindingRepository findings) {
        this.reportId = reportId;
        this.runId = runId;
        this.versionId = versionId;
        this.results = results;
        this.coverage = coverage;
        this.files = files;
        this.findings = findings;
    }

    @Override
    public void testCase(ParsedTestCase testCase) {
        pendingCases.add(testCase);
        if (pendingCases.size() >= BATCH) {
            results.insert(reportId, runId, versionId, pendingCases);
            pendingCases.clear();
        }
    }

    @Override
    public void coverage(Coverage counters) {
        pendingCoverage.add(counters);
        if (pendingCoverage.size() >= BATCH) {
            coverage.insert(reportId, versionId, pendingCoverage);
            pendingCoverage.clear();
        }
    }

    @Override
    public void coverageFile(String path, LineSet covered, LineSet missed) {
        pendingFiles.add(new CoverageFileRepository.NewFile(path, covered.toRanges(), missed.toRanges()));
        if (pendingFiles.size() >= BATCH) {
            files.insert(reportId, pendingFiles);
            pendingFiles.clear();
        }
    }

    @Override
    public void finding(ParsedFinding finding) {
        pendingFindings.add(finding);
        if (pendingFindings.size() >= BATCH) {
            findings.insert(reportId, versionId, pendingFindings);
            pendingFindings.clear();
        }
    }

    void flush() {
        results.insert(reportId, runId, versionId, pendingCases);
        coverage.insert(reportId, versionId, pendingCoverage);
        files.insert(reportId, pendingFiles);
        findings.insert(reportId, versionId, pendingFindings);
        pendingCases.clear();
        pendingCoverage.clear();
        pendingFiles.clear();
        pendingFindings.clear();
    }
}
