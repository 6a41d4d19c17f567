package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.metrics.ChangedCodeCoverage;
import io.clearflow.testmetrics.metrics.ChangedLines;
import io.clearflow.testmetrics.metrics.VersionOrder;
import io.clearflow.testmetrics.store.CoverageFileRepository;
import io.clearflow.testmetrics.store.CoverageRepository;
import io.clearflow.testmetrics.store.DefectRepository;
import io.clearflow.testmetrics.store.FindingRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a version's gate evidence: per kind of report, the version's latest run that has that kind
 * (several reports of one run, e.g. one per Maven module, are summed).
 */
@Component
public class EvidenceReader {

    static final Set<String> MAJOR_OR_WORSE = Set.of("major", "critical", "blocker");

    private final VersionRepository versions;
    private final RunRepository runs;
    private final ReportRepository reports;
    private final TestResultRepository results;
    private final CoverageRepository coverage;
    private final CoverageFileRepository files;
    private final FindingRepository findings;
    private final DefectRepository defects;

    EvidenceReader(VersionRepository versions, RunRepository runs, ReportRepository reports, TestResultRepository results,
                   CoverageRepository coverage, CoverageFileRepository files, FindingRepository findings,
                   DefectRepository defects) {
        this.versions = versions;
        this.runs = runs;
        this.reports = reports;
        this.results = results;
        this.coverage = coverage;
        this.files = files;
        this.findings = findings;
        this.defects = defects;
    }

    @Transactional(readOnly = true)
    public GateEvidence read(VersionRepository.VersionRow version, String diff) {
        GateEvidence.Tests tests = null;
        List<ReportRepository.ReportRow> junit = reports.latestOfFormat(version.id(), "junit");
        if (!junit.isEmpty()) {
            long runId = junit.get(0).runId();
            var counts = results.countsOfRun(runId);
            tests = new GateEvidence.Tests(runKey(runId), ids(junit), counts.total(), counts.of(TestStatus.PASSED),
                    counts.of(TestStatus.FAILED), counts.of(TestStatus.ERROR), counts.of(TestStatus.SKIPPED));
        }
        GateEvidence.Coverage cov = null;
        List<Long> coverageIds = List.of();
        List<ReportRepository.ReportRow> coverageReports = latestCoverage(version.id());
        if (!coverageReports.isEmpty()) {
            coverageIds = ids(coverageReports);
            var t = coverage.totals(coverageIds);
            cov = new GateEvidence.Coverage(runKey(coverageReports.get(0).runId()), coverageIds, t.lineCovered(),
                    t.lineMissed(), t.branchCovered(), t.branchMissed());
        }
        boolean diffSupplied = diff != null && !diff.isBlank();
        ChangedCodeCoverage.Result changed = null;
        if (diffSupplied && !coverageIds.isEmpty()) {
            var lines = files.files(coverageIds).stream()
                    .map(f -> new ChangedCodeCoverage.FileCoverage(f.path(), f.covered(), f.missed())).toList();
            changed = lines.isEmpty() ? null : ChangedCodeCoverage.compute(ChangedLines.parse(diff), lines);
        }
        GateEvidence.Findings found = null;
        List<ReportRepository.ReportRow> sarif = reports.latestOfFormat(version.id(), "sarif");
        if (!sarif.isEmpty()) {
            List<Long> sarifIds = ids(sarif);
            long openErrors = findings.openByLevel(sarifIds).getOrDefault("error", 0L);
            Optional<VersionRepository.VersionRow> previous = previousWithSarif(version);
            Set<String> before = previous.map(p -> findings.openFingerprints(ids(reports.latestOfFormat(p.id(), "sarif"))))
                    .orElse(null);
            found = new GateEvidence.Findings(sarifIds, openErrors, findings.openFingerprints(sarifIds),
                    previous.map(VersionRepository.VersionRow::version).orElse(null), before);
        }
        List<String> severe = defects.ofVersion(version.id()).stream()
                .filter(d -> d.open() && MAJOR_OR_WORSE.contains(d.severity()))
                .map(d -> d.key() + " (" + d.severity() + ")").toList();
        return new GateEvidence(tests, cov, changed, diffSupplied, found, severe);
    }

    /** JaCoCo and Cobertura reports of the latest run that has either. */
    List<ReportRepository.ReportRow> latestCoverage(long versionId) {
        List<ReportRepository.ReportRow> jacoco = reports.latestOfFormat(versionId, "jacoco");
        List<ReportRepository.ReportRow> cobertura = reports.latestOfFormat(versionId, "cobertura");
        if (jacoco.isEmpty() || cobertura.isEmpty()) {
            return jacoco.isEmpty() ? cobertura : jacoco;
        }
        long run = Math.max(jacoco.get(0).runId(), cobertura.get(0).runId());
        return java.util.stream.Stream.concat(jacoco.stream(), cobertura.stream()).filter(r -> r.runId() == run).toList();
    }

    /** The highest version below this one (by {@link VersionOrder}) that has SARIF reports. */
    public Optional<VersionRepository.VersionRow> previousWithSarif(VersionRepository.VersionRow version) {
        return versions.versions(version.project()).stream()
                .filter(v -> VersionOrder.INSTANCE.compare(v.version(), version.version()) < 0)
                .sorted(Comparator.comparing(VersionRepository.VersionRow::version, VersionOrder.INSTANCE).reversed())
                .filter(v -> !reports.latestOfFormat(v.id(), "sarif").isEmpty())
                .findFirst();
    }

    private String runKey(long runId) {
        return runs.find(runId).map(RunRepository.RunRow::runKey).orElse("?");
    }

    private static List<Long> ids(List<ReportRepository.ReportRow> rows) {
        return rows.stream().map(ReportRepository.ReportRow::id).toList();
    }
}
