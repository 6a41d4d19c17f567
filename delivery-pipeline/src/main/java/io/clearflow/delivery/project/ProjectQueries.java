package io.clearflow.delivery.project;

import io.clearflow.delivery.People;
import io.clearflow.delivery.change.ChangeService;
import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.delivery.version.VersionQueries;
import io.clearflow.engine.api.Member;
import io.clearflow.testmetrics.api.TestEvidence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project with everything it drills down to: its systems, the versions it delivers with their test submissions,
 * changes, deployments, defects (test-metrics' api) and the demands they deliver (by title, through demand-portal's
 * api), costs against the
 * budget, the stage history, the evaluation and decisions, commerce, survey and operation records. People and
 * departments by name.
 */
@Component
public class ProjectQueries {

    public record Summary(long id, String name, String department, String departmentName, String stage,
                          List<String> systems, BigDecimal budget, String createdBy, Instant createdAt,
                          Instant stageEnteredAt) { }

    public record StageView(String stage, Instant enteredAt, Instant leftAt, String actor) { }

    public record EvaluationView(String businessValue, BigDecimal estimatedCost, String evaluatedBy, Instant evaluatedAt) { }

    public record DecisionView(String decision, String reason, String alternatives, String decidedBy, Instant decidedAt) { }

    public record CommerceView(String step, BigDecimal amount, LocalDate occurredOn, String documents, String note,
                               String recordedBy, Instant recordedAt) { }

    public record CostView(String kind, BigDecimal amount, LocalDate occurredOn, String description, String recordedBy) { }

    public record SurveyView(String department, int score, String comment, String answeredBy, Instant answeredAt) { }

    public record ValueView(LocalDate period, BigDecimal realised, String note, String recordedBy) { }

    public record SubmissionView(long id, String key, String state) { }

    public record ChangeView(long id, String key, String state) { }

    /** A defect found in a delivered version (test-metrics' evidence, from Jira). */
    public record DefectView(String key, String title, String severity, boolean open) { }

    public record VersionView(long id, String system, String systemName, String version, boolean inProduction,
                              List<VersionQueries.DemandView> demands, List<SubmissionView> submissions,
                              List<ChangeView> changes, List<VersionQueries.DeploymentView> deployments,
                              List<DefectView> defects) { }

    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) { }

    /**
     * @param openStep     the milestone waiting now (process step id), null when the case has ended
     * @param actualCost   the sum of the project's cost rows (budget vs actual)
     * @param notInProduction linked versions without a succeeded production deployment: why go-live cannot complete
     */
    public record Detail(long id, String key, String name, String department, String departmentName, String stage,
                         List<String> systems, BigDecimal budget, BigDecimal expectedBenefit, BigDecimal actualCost,
                         String createdBy, Instant createdAt, Instant acceptedAt, String openStep, String openStepName,
                         List<StageView> stages, EvaluationView evaluation, List<DecisionView> decisions,
                         List<CommerceView> commerce, List<CostView> costs, List<VersionView> versions,
                         List<String> notInProduction, List<String> requestingDepartments, List<SurveyView> survey,
                         Double averageScore, List<ValueView> realisedValue, Cancellation cancellation) { }

    private final ProjectService projects;
    private final ProjectLifecycle lifecycle;
    private final StageHistoryRepository stages;
    private final EvaluationRepository evaluations;
    private final DecisionRepository decisions;
    private final CommerceRepository commerce;
    private final CostRepository costs;
    private final SurveyRepository surveys;
    private final ValueRepository values;
    private final CancellationRepository cancellations;
    private final ProjectVersionRepository projectVersions;
    private final VersionQueries versionQueries;
    private final SubmissionService submissions;
    private final ChangeService changes;
    private final MilestoneChecks checks;
    private final TestEvidence evidence;
    private final People people;
    private final ProjectReaders readers;

    ProjectQueries(ProjectService projects, ProjectLifecycle lifecycle, StageHistoryRepository stages,
                   EvaluationRepository evaluations, DecisionRepository decisions, CommerceRepository commerce,
                   CostRepository costs, SurveyRepository surveys, ValueRepository values,
                   CancellationRepository cancellations, ProjectVersionRepository projectVersions,
                   VersionQueries versionQueries, SubmissionService submissions, ChangeService changes,
                   MilestoneChecks checks, TestEvidence evidence, People people, ProjectReaders readers) {
        this.projects = projects;
        this.lifecycle = lifecycle;
        this.stages = stages;
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.commerce = commerce;
        this.costs = costs;
        this.surveys = surveys;
        this.values = values;
        this.cancellations = cancellations;
        this.projectVersions = projectVersions;
        this.versionQueries = versionQueries;
        this.submissions = submissions;
        this.changes = changes;
        this.checks = checks;
        this.evidence = evidence;
        this.people = people;
        this.readers = readers;
    }

    /**
     * The projects {@code reader} may see ({@link ProjectReaders}), newest first, at most {@value ProjectService#MAX_LIST}.
     * A scoped reader's projects are filtered after reading, since the requesting departments come from
     * demand-portal's api, not from a table this module may join.
     */
    @Transactional(readOnly = true)
    public List<Summary> list(Member reader, String department, String stage, String system) {
        List<Project> visible = readers.readsAll(reader) ? projects.list(department, stage, system)
                : projects.list(department, stage, system, Integer.MAX_VALUE).stream()
                .filter(p -> readers.mayRead(reader, p)).limit(ProjectService.MAX_LIST).toList();
        return visible.stream().map(p -> new Summary(p.id(), p.name(), p.department(),
                people.department(p.department()), p.stage().code(), p.systems(), p.budget(), people.name(p.createdBy()),
                p.createdAt(), p.stageEnteredAt())).toList();
    }

    /** The drill-down of a project {@code reader} may see; any other answers 404 as an unknown id does. */
    @Transactional(readOnly = true)
    public Detail detail(Member reader, long id) {
        return detail(readers.require(reader, id));
    }

    /**
     * The drill-down without the reader check: the answer to a step its actor was just allowed to take (the milestone
     * was in their inbox, or they answered the survey of their department).
     */
    @Transactional(readOnly = true)
    Detail detail(long id) {
        return detail(projects.project(id));
    }

    private Detail detail(Project p) {
        long id = p.id();
        var step = lifecycle.openStep(p);
        List<ProjectRecords.Cost> costRows = costs.of(id);
        BigDecimal actual = costRows.stream().map(ProjectRecords.Cost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ProjectRecords.SurveyAnswer> answers = surveys.of(id);
        Double average = answers.isEmpty() ? null
                : answers.stream().mapToInt(ProjectRecords.SurveyAnswer::score).average().orElse(0);
        return new Detail(p.id(), p.key(), p.name(), p.department(), people.department(p.department()), p.stage().code(),
                p.systems(), p.budget(), p.expectedBenefit(), actual, people.name(p.createdBy()), p.createdAt(),
                p.acceptedAt(), step.map(ProjectLifecycle.Step::id).orElse(null),
                step.map(ProjectLifecycle.Step::name).orElse(null),
                stages.of(id).stream().map(s -> new StageView(s.stage().code(), s.enteredAt(), s.leftAt(),
                        people.name(s.actor()))).toList(),
                evaluations.of(id).map(e -> new EvaluationView(e.businessValue(), e.estimatedCost(),
                        people.name(e.evaluatedBy()), e.evaluatedAt())).orElse(null),
                decisions.of(id).stream().map(d -> new DecisionView(d.decision(), d.reason(), d.alternatives(),
                        people.name(d.decidedBy()), d.decidedAt())).toList(),
                commerce.of(id).stream().map(c -> new CommerceView(c.step(), c.amount(), c.occurredOn(), c.documents(),
                        c.note(), people.name(c.recordedBy()), c.recordedAt())).toList(),
                costRows.stream().map(c -> new CostView(c.kind(), c.amount(), c.occurredOn(), c.description(),
                        people.name(c.recordedBy()))).toList(),
                projectVersions.versionIds(id).stream().map(this::version).toList(),
                checks.notInProduction(p),
                checks.requestingDepartments(p).stream().map(people::department).toList(),
                answers.stream().map(a -> new SurveyView(people.department(a.department()), a.score(), a.comment(),
                        people.name(a.answeredBy()), a.answeredAt())).toList(),
                average,
                values.of(id).stream().map(v -> new ValueView(v.period(), v.realised(), v.note(),
                        people.name(v.recordedBy()))).toList(),
                cancellations.of(id).map(c -> new Cancellation(c.reason(), people.name(c.cancelledBy()), c.cancelledAt()))
                        .orElse(null));
    }

    private VersionView version(long versionId) {
        VersionQueries.Detail v = versionQueries.detail(versionId);
        boolean live = v.deployments().stream().anyMatch(d -> MilestoneChecks.PRODUCTION.equals(d.environment())
                && "succeeded".equals(d.state()));
        return new VersionView(v.id(), v.system(), v.systemName(), v.version(), live, v.demands(),
                submissions.ofVersion(versionId).stream().map(s -> new SubmissionView(s.id(), s.key(), s.state().name()))
                        .toList(),
                changes.ofVersion(versionId).stream().map(c -> new ChangeView(c.id(), c.key(), c.state().name())).toList(),
                v.deployments(),
                evidence.defects(v.system(), v.version()).stream().map(d -> new DefectView(d.key(), d.title(),
                        d.severity(), d.open())).toList());
    }
}
