package io.clearflow.testmetrics.overview;

import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.TestMetricsProperties;
import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.gate.EvidenceReader;
import io.clearflow.testmetrics.ingest.EvidenceSink;
import io.clearflow.testmetrics.metrics.DefectMetrics;
import io.clearflow.testmetrics.metrics.FindingDiff;
import io.clearflow.testmetrics.metrics.FlakyDetector;
import io.clearflow.testmetrics.metrics.VersionOrder;
import io.clearflow.testmetrics.store.CoverageRepository;
import io.clearflow.testmetrics.store.DefectRepository;
import io.clearflow.testmetrics.store.FindingRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures per system and version, and their trends, read from the stored evidence for pages and REST. */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    public record RunSummary(long runId, String run, Instant createdAt, long tests, long passed, long failed, long errors,
                             long skipped, long flaky, long durationMs, Double passRate) {
    }

    public record CoverageSummary(long lineCovered, long lineMissed, long branchCovered, long branchMissed,
                                  Double linePercent, Double branchPercent) {
    }

    public record VersionOverview(String project, String version, List<RunSummary> runs, RunSummary latest,
                                  List<TestResultRepository.TestResultRow> failures,
                                  List<TestResultRepository.TestResultRow> slowest, CoverageSummary coverage,
                                  List<EvidenceSink.Coverage> weakestPackages, Map<String, Long> openFindingsByLevel,
                                  List<EvidenceSink.ParsedFinding> findings, String previousVersion, FindingDiff findingDiff,
                                  DefectMetrics.Figures defects, List<DefectRepository.DefectRow> defectList,
                                  List<ReportRepository.ReportRow> reports) {
    }

    public record TrendPoint(String version, Long executed, Double passRate, Long durationMs, Double lineCoverage,
                             Double branchCoverage, Long openFindings, Integer newFindings, Integer fixedFindings,
                             Integer existingFindings, int defects) {
    }

    public record RunDetail(String project, String version, RunSummary run, List<TestResultRepository.TestResultRow> failures,
                            List<TestResultRepository.TestResultRow> slowest, List<ReportRepository.ReportRow> reports) {
    }

    private static final TestResultRepository.Counts NO_RESULTS = new TestResultRepository.Counts(Map.of(), 0, 0);
    private static final EvidenceSink.Coverage NO_COVERAGE = new EvidenceSink.Coverage("report", "total", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final TestMetricsProperties properties;
    private final VersionRepository versions;
    private final RunRepository runs;
    private final ReportRepository reports;
    private final TestResultRepository results;
    private final CoverageRepository coverage;
    private final FindingRepository findings;
    private final DefectRepository defects;
    private final EvidenceReader evidence;

    MetricsService(TestMetricsProperties properties, VersionRepository versions, RunRepository runs,
                   ReportRepository reports, TestResultRepository results, CoverageRepository coverage,
                   FindingRepository findings, DefectRepository defects, EvidenceReader evidence) {
        this.properties = properties;
        this.versions = versions;
        this.runs = runs;
        this.reports = reports;
        this.results = results;
        this.coverage = coverage;
        this.findings = findings;
        this.defects = defects;
        this.evidence = evidence;
    }

    public List<String> projects() {
        return versions.projects();
    }

    /** Versions of a project, newest first. */
    public List<String> versions(String project) {
        return versions.versions(project).stream().map(VersionRepository.VersionRow::version)
                .sorted(VersionOrder.INSTANCE.reversed()).toList();
    }

    public VersionOverview overview(String project, String version) {
        var v = version(project, version);
        List<RunSummary> runSummaries = runs.runs(v.id()).stream().map(this::summary).filter(r -> r.tests() > 0).toList();
        RunSummary latest = runSummaries.isEmpty() ? null : runSummaries.get(runSummaries.size() - 1);
        var failures = latest == null ? List.<TestResultRepository.TestResultRow>of() : results.problemsOfRun(latest.runId(), 200);
        var slowest = latest == null ? List.<TestResultRepository.TestResultRow>of() : results.slowestOfRun(latest.runId(), 10);
        List<Long> coverageIds = coverageIds(v.id());
        CoverageSummary cov = coverageIds.isEmpty() ? null : coverageSummary(coverage.totals(coverageIds));
        List<Long> sarifIds = ids(reports.latestOfFormat(v.id(), "sarif"));
        var previous = evidence.previousWithSarif(v);
        Set<String> before = previous.map(p -> findings.openFingerprints(ids(reports.latestOfFormat(p.id(), "sarif"))))
                .orElse(null);
        FindingDiff diff = sarifIds.isEmpty() ? null : FindingDiff.of(before, findings.openFingerprints(sarifIds));
        var defectRows = defects.ofVersion(v.id());
        long lines = cov == null ? 0 : cov.lineCovered() + cov.lineMissed();
        long executed = latest == null ? 0 : latest.tests() - latest.skipped();
        var figures = DefectMetrics.compute(defectRows.stream().map(MetricsService::defect).toList(), lines, executed);
        return new VersionOverview(project, version, runSummaries, latest, failures, slowest, cov,
                coverage.packages(coverageIds, 10), findings.openByLevel(sarifIds), findings.of(sarifIds).stream().limit(200).toList(),
                previous.map(VersionRepository.VersionRow::version).orElse(null), diff, figures, defectRows,
                reports.ofVersion(v.id()));
    }

    /** Per version, oldest first (at most the newest {@code limit}). */
    public List<TrendPoint> trend(String project, int limit) {
        List<VersionRepository.VersionRow> all = versions.versions(project).stream()
                .sorted(Comparator.comparing(VersionRepository.VersionRow::version, VersionOrder.INSTANCE)).toList();
        if (all.isEmpty()) {
            throw new NotFoundException("project", project);
        }
        List<VersionRepository.VersionRow> shown = all.subList(Math.max(0, all.size() - limit), all.size());
        // a fixed number of statements whatever the number of versions shown (the page must stay fast at 500 versions)
        List<Long> ids = shown.stream().map(VersionRepository.VersionRow::id).toList();
        var junit = reports.latestOfFormat(ids, "junit");
        var jacoco = reports.latestOfFormat(ids, "jacoco");
        var cobertura = reports.latestOfFormat(ids, "cobertura");
        var sarif = reports.latestOfFormat(ids, "sarif");
        List<Long> runIds = junit.values().stream().map(r -> r.get(0).runId()).toList();
        var runRows = runs.find(runIds);
        var counts = results.countsOfRuns(runIds);
        Map<Long, List<Long>> coverageIds = new HashMap<>();
        ids.forEach(id -> coverageIds.put(id, coverageIds(jacoco.getOrDefault(id, List.of()), cobertura.getOrDefault(id, List.of()))));
        var totals = coverage.totalsByReport(coverageIds.values().stream().flatMap(List::stream).toList());
        var fingerprints = findings.openFingerprintsByReport(sarif.values().stream().flatMap(List::stream)
                .map(ReportRepository.ReportRow::id).toList());
        var defectCounts = defects.countByVersion(ids);
        List<TrendPoint> points = new ArrayList<>();
        Set<String> previousFingerprints = null;
        for (VersionRepository.VersionRow v : shown) {
            var junitReports = junit.get(v.id());
            RunRepository.RunRow runRow = junitReports == null ? null : runRows.get(junitReports.get(0).runId());
            RunSummary run = runRow == null ? null : summary(runRow, counts.getOrDefault(runRow.id(), NO_RESULTS));
            List<Long> covIds = coverageIds.get(v.id());
            CoverageSummary cov = covIds.isEmpty() ? null : coverageSummary(covIds.stream()
                    .map(id -> totals.getOrDefault(id, NO_COVERAGE)).reduce(NO_COVERAGE, CoverageRepository::sum));
            List<Long> sarifIds = ids(sarif.getOrDefault(v.id(), List.of()));
            Long open = null;
            FindingDiff diff = null;
            if (!sarifIds.isEmpty()) {
                Set<String> current = new HashSet<>();
                sarifIds.forEach(id -> current.addAll(fingerprints.getOrDefault(id, Set.of())));
                open = (long) current.size();
                diff = FindingDiff.of(previousFingerprints, current);
                previousFingerprints = current;
            }
            points.add(new TrendPoint(v.version(), run == null ? null : run.tests() - run.skipped(),
                    run == null ? null : run.passRate(), run == null ? null : run.durationMs(),
                    cov == null ? null : cov.linePercent(), cov == null ? null : cov.branchPercent(), open,
                    diff == null ? null : diff.newFindings(), diff == null ? null : diff.fixed(),
                    diff == null ? null : diff.existing(), defectCounts.getOrDefault(v.id(), 0)));
        }
        return points;
    }

    /**
     * Flaky tests of a version line (the versions sharing everything but the last part, e.g. 3.2.x, up to this
     * version), over its last {@code clearflow.test-metrics.flaky-window} runs with test results.
     */
    public List<FlakyDetector.FlakyTest> flaky(String project, String version) {
        var v = version(project, version);
        String line = version.contains(".") ? version.substring(0, version.lastIndexOf('.') + 1) : version;
        List<Long> runIds = new ArrayList<>();
        versions.versions(project).stream()
                .filter(o -> o.version().equals(version) || o.version().startsWith(line)
                        && VersionOrder.INSTANCE.compare(o.version(), version) < 0)
                .sorted(Comparator.comparing(VersionRepository.VersionRow::version, VersionOrder.INSTANCE))
                .forEach(o -> runs.runs(o.id()).forEach(r -> runIds.add(r.id())));
        List<Long> withResults = runIds.stream().filter(id -> results.countsOfRun(id).total() > 0).toList();
        List<Long> window = withResults.subList(Math.max(0, withResults.size() - properties.flakyWindow()), withResults.size());
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            index.put(window.get(i), i);
        }
        var observations = results.statuses(window).stream().map(p -> new FlakyDetector.Observation(p.key(),
                index.get(p.runId()), p.status(), p.flaky())).toList();
        return FlakyDetector.detect(window.size(), observations);
    }

    public RunDetail run(long runId) {
        var run = runs.find(runId).orElseThrow(() -> new NotFoundException("run", String.valueOf(runId)));
        var v = versions.find(run.versionId()).orElseThrow();
        return new RunDetail(v.project(), v.version(), summary(run), results.problemsOfRun(runId, 500),
                results.slowestOfRun(runId, 10), reports.ofRun(runId));
    }

    private VersionRepository.VersionRow version(String project, String version) {
        return versions.find(project, version)
                .orElseThrow(() -> new NotFoundException("version", project + " " + version));
    }

    private RunSummary summary(RunRepository.RunRow run) {
        return summary(run, results.countsOfRun(run.id()));
    }

    private static RunSummary summary(RunRepository.RunRow run, TestResultRepository.Counts c) {
        long executed = c.executed();
        return new RunSummary(run.id(), run.runKey(), run.createdAt(), c.total(), c.of(TestStatus.PASSED),
                c.of(TestStatus.FAILED), c.of(TestStatus.ERROR), c.of(TestStatus.SKIPPED), c.flaky(), c.durationMs(),
                executed == 0 ? null : 100.0 * c.of(TestStatus.PASSED) / executed);
    }

    private List<Long> coverageIds(long versionId) {
        return coverageIds(reports.latestOfFormat(versionId, "jacoco"), reports.latestOfFormat(versionId, "cobertura"));
    }

    /** The coverage reports a version's figures read: JaCoCo or Cobertura, both only when of the same (latest) run. */
    private static List<Long> coverageIds(List<ReportRepository.ReportRow> jacoco, List<ReportRepository.ReportRow> cobertura) {
        if (jacoco.isEmpty() || cobertura.isEmpty()) {
            return ids(jacoco.isEmpty() ? cobertura : jacoco);
        }
        long run = Math.max(jacoco.get(0).runId(), cobertura.get(0).runId());
        return java.util.stream.Stream.concat(jacoco.stream(), cobertura.stream()).filter(r -> r.runId() == run)
                .map(ReportRepository.ReportRow::id).toList();
    }

    private static CoverageSummary coverageSummary(EvidenceSink.Coverage t) {
        long lines = t.lineCovered() + t.lineMissed();
        long branches = t.branchCovered() + t.branchMissed();
        return new CoverageSummary(t.lineCovered(), t.lineMissed(), t.branchCovered(), t.branchMissed(),
                lines == 0 ? null : 100.0 * t.lineCovered() / lines, branches == 0 ? null : 100.0 * t.branchCovered() / branches);
    }

    private static DefectMetrics.Defect defect(DefectRepository.DefectRow d) {
        return new DefectMetrics.Defect(d.phase(), d.severity(), d.open(), d.createdAt(), d.resolvedAt(), d.testCase());
    }

    private static List<Long> ids(List<ReportRepository.ReportRow> rows) {
        return rows.stream().map(ReportRepository.ReportRow::id).toList();
    }
}
