package io.clearflow.testmetrics.plan;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.InputCheck;
import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.ingest.UploadTarget;
import io.clearflow.testmetrics.metrics.PlanMetrics;
import io.clearflow.testmetrics.metrics.PlanMetrics.CaseStatus;
import io.clearflow.testmetrics.store.DefectRepository;
import io.clearflow.testmetrics.store.ManualResultRepository;
import io.clearflow.testmetrics.store.PlanCaseDemandRepository;
import io.clearflow.testmetrics.store.PlanCaseRepository;
import io.clearflow.testmetrics.store.PlanRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import io.clearflow.testmetrics.store.TestResultRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test plans of a version: created from JSON or a CSV import, executed by CI (automated cases take the status of the
 * version's latest run with JUnit results) and by testers (manual results), measured by {@link PlanMetrics}.
 */
@Service
@Transactional
public class PlanService {

    public record CaseView(long id, String key, String title, boolean automated, Set<Long> demands, CaseStatus status,
                           String statusBy, Instant statusAt, String note, Set<String> defects) {
    }

    public record PlanView(long id, String project, String version, String name, String iteration, String createdBy,
                           Instant createdAt, PlanMetrics.Figures figures, List<CaseView> cases) {
    }

    /** A version's plans and their figures taken together (a case in two plans counts in both). */
    public record VersionPlans(String project, String version, String ciRun, PlanMetrics.Figures figures,
                               List<PlanView> plans) {
    }

    private final VersionRepository versions;
    private final PlanRepository plans;
    private final PlanCaseRepository cases;
    private final PlanCaseDemandRepository demands;
    private final ManualResultRepository manual;
    private final ReportRepository reports;
    private final RunRepository runs;
    private final TestResultRepository results;
    private final DefectRepository defects;
    private final Validator validator;
    private final Clock clock;

    PlanService(VersionRepository versions, PlanRepository plans, PlanCaseRepository cases, PlanCaseDemandRepository demands,
                ManualResultRepository manual, ReportRepository reports, RunRepository runs, TestResultRepository results,
                DefectRepository defects, Validator validator, Optional<Clock> clock) {
        this.versions = versions;
        this.plans = plans;
        this.cases = cases;
        this.demands = demands;
        this.manual = manual;
        this.reports = reports;
        this.runs = runs;
        this.results = results;
        this.defects = defects;
        this.validator = validator;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public PlanView create(String project, String version, PlanInput input, String user) {
        InputCheck.validate(validator, new UploadTarget(project, version, null), UploadTarget.INVALID);
        check(input);
        Map<String, String> duplicates = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < input.cases().size(); i++) {
            if (!keys.add(input.cases().get(i).key())) {
                duplicates.put("cases[" + i + "].key", "tm.plan.error.duplicateKey");
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidRequestException("tm.plan.error.invalid", duplicates);
        }
        Instant now = clock.instant();
        var v = versions.findOrCreate(project.strip(), version.strip(), now);
        if (plans.exists(v.id(), input.name())) {
            throw new ConflictException("tm.plan.error.exists", input.name());
        }
        long planId = plans.insert(v.id(), input.name(), input.iteration(), user, now);
        List<Long> ids = cases.insert(planId, input.cases().stream()
                .map(c -> new PlanCaseRepository.NewCase(c.key(), c.title(), c.automated())).toList());
        Map<Long, Set<Long>> links = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            links.put(ids.get(i), new TreeSet<>(input.cases().get(i).demands()));
        }
        demands.insert(links);
        return plan(planId);
    }

    /** A CSV import: every bad row is refused with its line number; nothing is stored while any row is bad. */
    public PlanView importCsv(String project, String version, String name, String iteration, byte[] csv, String user) {
        if (csv.length > PlanCsv.MAX_BYTES) {
            throw new PlanImportTooLargeException(PlanCsv.MAX_BYTES / (1024 * 1024));
        }
        PlanCsv.Result read = PlanCsv.read(csv);
        if (!read.errors().isEmpty()) {
            throw new InvalidRequestException("tm.plan.csv.invalid", read.errors());
        }
        return create(project, version, new PlanInput(name, iteration, read.cases()), user);
    }

    /** Records one execution of a manual case of the plan; automated cases take their status from CI (409). */
    public ManualResultRepository.ManualResultRow record(long planId, long caseId, ManualResultInput input, String user) {
        check(input);
        var c = cases.find(caseId).filter(x -> x.planId() == planId)
                .orElseThrow(() -> new NotFoundException("plan case", planId + "/" + caseId));
        if (c.automated()) {
            throw new ConflictException("tm.plan.error.automatedCase", c.key());
        }
        Instant now = clock.instant();
        long id = manual.insert(caseId, input.status().name(), input.note(), input.defect(), user, now);
        return new ManualResultRepository.ManualResultRow(id, caseId, input.status().name(), input.note(), input.defect(),
                user, now);
    }

    /**
     * Removes a plan imported by mistake, with its cases and demand links. A plan with recorded results is evidence
     * of testing done and stays (409).
     */
    public PlanRepository.PlanRow delete(long planId) {
        var p = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
        if (manual.countOfPlan(planId) > 0) {
            throw new ConflictException("tm.plan.error.hasResults", p.name());
        }
        demands.deleteOfPlan(planId);
        cases.deleteOfPlan(planId);
        plans.delete(planId);
        return p;
    }

    @Transactional(readOnly = true)
    public PlanView plan(long planId) {
        var p = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
        var v = versions.find(p.versionId()).orElseThrow();
        Ci ci = ci(p.versionId());
        return view(v.project(), v.version(), p, ci);
    }

    @Transactional(readOnly = true)
    public VersionPlans ofVersion(String project, String version) {
        var v = versions.find(project, version).orElseThrow(() -> new NotFoundException("version", project + " " + version));
        List<PlanRepository.PlanRow> rows = plans.ofVersion(v.id());
        if (rows.isEmpty()) {
            return new VersionPlans(project, version, null, PlanMetrics.Figures.EMPTY, List.of());
        }
        Ci ci = ci(v.id());
        List<PlanView> views = rows.stream().map(p -> view(project, version, p, ci)).toList();
        List<PlanMetrics.Case> all = new ArrayList<>();
        views.forEach(p -> p.cases().forEach(c -> all.add(new PlanMetrics.Case(c.id(), c.automated(), c.demands(),
                c.status(), c.defects()))));
        return new VersionPlans(project, version, ci.runKey(), PlanMetrics.compute(all), views);
    }

    /** Automation ratio of the project's newest plan-carrying version, for the maturity scorer; empty without plans. */
    @Transactional(readOnly = true)
    public Optional<Double> automationRatio(String project) {
        return plans.latestVersionWithPlan(project).flatMap(versions::find)
                .map(v -> ofVersion(v.project(), v.version()).figures().automationRatio());
    }

    /** The statuses of automated cases: the version's latest run with JUnit results, worst status per test key. */
    private record Ci(String runKey, Map<String, CaseStatus> byKey) {
    }

    private Ci ci(long versionId) {
        var junit = reports.latestOfFormat(versionId, "junit");
        if (junit.isEmpty()) {
            return new Ci(null, Map.of());
        }
        long runId = junit.get(0).runId();
        Map<String, CaseStatus> byKey = new HashMap<>();
        for (var s : results.statuses(List.of(runId))) {
            CaseStatus status = s.status() == TestStatus.PASSED ? CaseStatus.PASSED
                    : s.status() == TestStatus.SKIPPED ? CaseStatus.NOT_RUN : CaseStatus.FAILED;
            byKey.merge(s.key(), status, (a, b) -> rank(a) >= rank(b) ? a : b);
        }
        return new Ci(runs.find(runId).map(RunRepository.RunRow::runKey).orElse(null), byKey);
    }

    /** Several results of one test in a run (one per report): a failure outweighs a pass, a pass a skip. */
    private static int rank(CaseStatus s) {
        return s == CaseStatus.FAILED ? 2 : s == CaseStatus.PASSED ? 1 : 0;
    }

    private PlanView view(String project, String version, PlanRepository.PlanRow p, Ci ci) {
        Map<Long, Set<Long>> demandsByCase = demands.ofPlan(p.id());
        var latest = manual.latestOfPlan(p.id());
        var found = manual.defectsOfPlan(p.id());
        var planCases = cases.ofPlan(p.id());
        var defectsByTestCase = defects.keysByTestCase(project,
                planCases.stream().map(PlanCaseRepository.PlanCaseRow::key).toList());
        List<CaseView> views = new ArrayList<>();
        List<PlanMetrics.Case> measured = new ArrayList<>();
        for (var c : planCases) {
            Set<String> caseDefects = new TreeSet<>(found.getOrDefault(c.id(), Set.of()));
            caseDefects.addAll(defectsByTestCase.getOrDefault(c.key(), Set.of()));
            Set<Long> caseDemands = demandsByCase.getOrDefault(c.id(), Set.of());
            CaseView view;
            if (c.automated()) {
                view = new CaseView(c.id(), c.key(), c.title(), true, caseDemands,
                        ci.byKey().getOrDefault(c.key(), CaseStatus.NOT_RUN), ci.runKey(), null, null, caseDefects);
            } else {
                var r = latest.get(c.id());
                view = new CaseView(c.id(), c.key(), c.title(), false, caseDemands,
                        r == null ? CaseStatus.NOT_RUN : CaseStatus.valueOf(r.status()), r == null ? null : r.recordedBy(),
                        r == null ? null : r.recordedAt(), r == null ? null : r.note(), caseDefects);
            }
            views.add(view);
            measured.add(new PlanMetrics.Case(c.id(), c.automated(), caseDemands, view.status(), caseDefects));
        }
        return new PlanView(p.id(), project, version, p.name(), p.iteration(), p.createdBy(), p.createdAt(),
                PlanMetrics.compute(measured), views);
    }

    private void check(Object input) {
        InputCheck.validate(validator, input, "tm.plan.error.invalid");
    }
}
