package io.clearflow.testmetrics.ingest;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.InputCheck;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import io.clearflow.testmetrics.api.TestRunRecord;
import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.store.DefectRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public {@link TestEvidence}: Jenkins test reports and Jira defects recorded by the delivery pipeline. */
@Component
class TestEvidenceAdapter implements TestEvidence {

    static final Set<String> SEVERITIES = Set.of("blocker", "critical", "major", "minor", "trivial");
    static final Set<String> PHASES = Set.of("requirements", "design", "development", "integration", "acceptance",
            "production");

    private final VersionRepository versions;
    private final RunRepository runs;
    private final ReportRepository reports;
    private final TestResultRepository results;
    private final DefectRepository defects;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    TestEvidenceAdapter(VersionRepository versions, RunRepository runs, ReportRepository reports,
                        TestResultRepository results, DefectRepository defects,
                        com.fasterxml.jackson.databind.ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.versions = versions;
        this.runs = runs;
        this.reports = reports;
        this.results = results;
        this.defects = defects;
    }

    @Override
    @Transactional
    public long recordTestRun(TestRunRecord run) {
        UploadTarget target = new UploadTarget(run.project(), run.version(), run.run());
        InputCheck.validate(validator, target, UploadTarget.INVALID);
        var cases = run.cases().stream().map(c -> {
            if (c.name() == null || c.name().isBlank() || c.status() == null || c.durationMs() < 0) {
                throw new InvalidRequestException("tm.evidence.error.case");
            }
            return new EvidenceSink.ParsedTestCase(null, c.className(), c.name(), c.status(), c.durationMs(), c.flaky(),
                    0, c.status() == TestStatus.PASSED ? null : c.message(), null);
        }).toList();
        Instant now = clock.instant();
        var version = versions.findOrCreate(target.project(), target.version(), now);
        var runRow = runs.findOrCreate(version.id(), target.run(), now);
        long id = reports.insert(version.id(), runRow.id(), "junit", run.source(), "api", now);
        results.insert(id, runRow.id(), version.id(), cases);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tests", (long) cases.size());
        summary.put("failures", cases.stream().filter(c -> c.status() == TestStatus.FAILED).count());
        summary.put("errors", cases.stream().filter(c -> c.status() == TestStatus.ERROR).count());
        summary.put("skipped", cases.stream().filter(c -> c.status() == TestStatus.SKIPPED).count());
        summary.put("source", run.source());
        reports.finish(id, "junit", 0, "0".repeat(64), toJson(summary));
        return id;
    }

    @Override
    @Transactional
    public int recordDefects(String project, List<DefectRecord> list) {
        int written = 0;
        for (DefectRecord d : list) {
            if (d.key() == null || d.key().isBlank() || !SEVERITIES.contains(d.severity()) || !PHASES.contains(d.phase())
                    || d.createdAt() == null) {
                throw new InvalidRequestException("tm.evidence.error.defect", Map.of(),
                        String.valueOf(d.key()), String.valueOf(SEVERITIES), String.valueOf(PHASES));
            }
            Long versionId = d.foundInVersion() == null ? null
                    : versions.findOrCreate(project, d.foundInVersion(), clock.instant()).id();
            defects.upsert(project, d.key(), versionId, d.title() == null ? d.key() : d.title(), d.severity(), d.phase(),
                    d.open(), d.testCase(), d.createdAt(), d.resolvedAt());
            written++;
        }
        return written;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DefectRecord> defects(String project, String version) {
        return versions.find(project, version).map(v -> defects.ofVersion(v.id())).orElse(List.of()).stream()
                .map(d -> new DefectRecord(d.key(), version, d.title(), d.severity(), d.phase(), d.open(), d.testCase(),
                        d.createdAt(), d.resolvedAt())).toList();
    }

    private String toJson(Map<String, Object> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
