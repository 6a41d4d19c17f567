package io.clearflow.testmetrics.maturity;

import io.clearflow.testmetrics.metrics.DefectMetrics;
import io.clearflow.testmetrics.plan.PlanService;
import io.clearflow.testmetrics.store.CoverageFileRepository;
import io.clearflow.testmetrics.store.DefectRepository;
import io.clearflow.testmetrics.store.DeploymentRepository;
import io.clearflow.testmetrics.store.GateEvaluationRepository;
import io.clearflow.testmetrics.store.ReportRepository;
import io.clearflow.testmetrics.store.RunRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a system's maturity evidence from the stored test evidence and scores it. */
@Service
@Transactional(readOnly = true)
public class MaturityService {

    private final MaturityModel model = MaturityModel.load();
    private final RunRepository runs;
    private final ReportRepository reports;
    private final CoverageFileRepository files;
    private final DefectRepository defects;
    private final DeploymentRepository deployments;
    private final PlanService plans;
    private final GateEvaluationRepository gates;

    MaturityService(RunRepository runs, ReportRepository reports, CoverageFileRepository files, DefectRepository defects,
                    DeploymentRepository deployments, PlanService plans, GateEvaluationRepository gates) {
        this.plans = plans;
        this.gates = gates;
        this.runs = runs;
        this.reports = reports;
        this.files = files;
        this.defects = defects;
        this.deployments = deployments;
    }

    public MaturityModel model() {
        return model;
    }

    public MaturityScorer.Evidence evidence(String project, Instant now) {
        Instant month = now.minus(Duration.ofDays(30));
        double perWeek = runs.runsWithResultsSince(project, now.minus(Duration.ofDays(28))) / 4.0;
        var projectDefects = defects.ofProject(project);
        long early = projectDefects.stream().filter(d -> Set.of("requirements", "design", "development").contains(d.phase())).count();
        var figures = DefectMetrics.compute(projectDefects.stream().map(d -> new DefectMetrics.Defect(d.phase(), d.severity(),
                d.open(), d.createdAt(), d.resolvedAt(), d.testCase())).toList(), 0, 0);
        Set<String> fresh = reports.formatsSince(project, month);
        int kinds = (fresh.contains("junit") ? 1 : 0) + (fresh.contains("jacoco") || fresh.contains("cobertura") ? 1 : 0)
                + (fresh.contains("sarif") ? 1 : 0)
                + (projectDefects.stream().anyMatch(d -> d.createdAt() != null && d.createdAt().isAfter(month)) ? 1 : 0)
                + (deployments.between(project, month, now).isEmpty() ? 0 : 1);
        Set<String> ever = reports.formatsSince(project, Instant.EPOCH);
        boolean totals = ever.contains("jacoco") || ever.contains("cobertura");
        var gated = gates.coverage(project, now.minus(Duration.ofDays(90)));
        return new MaturityScorer.Evidence(perWeek, projectDefects.size(),
                projectDefects.isEmpty() ? null : (double) early / projectDefects.size(), kinds, totals,
                totals && files.existsForProject(project), figures.escapeRate(), plans.automationRatio(project).orElse(null),
                new MaturityScorer.GateCoverage(gated.versions(), gated.gated(), gated.gatedEntryAndExit()));
    }

    public List<MaturityScorer.Score> score(String project) {
        return MaturityScorer.score(model, evidence(project, Instant.now()));
    }
}
