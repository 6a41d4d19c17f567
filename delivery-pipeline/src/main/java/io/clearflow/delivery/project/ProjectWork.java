package io.clearflow.delivery.project;

import io.clearflow.delivery.input.FreeText;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is recorded on a project between its milestones: the pre-project evaluation and the architecture decision
 * records, commerce steps (a payment is also a cost), the versions it delivers, survey answers, and the cost and
 * realised value of post-project operation. Each record is allowed in the stages it belongs to (409 otherwise).
 */
@Service
public class ProjectWork {

    static final int MAX_TEXT = 2000;
    static final int MAX_SHORT = 500;
    /** The project flow's comments, reasons and notes, stripped; {@code null} when blank and optional. */
    static final FreeText TEXT = new FreeText("delivery.project.error.required", "delivery.project.error.tooLong",
            MAX_TEXT);
    private static final FreeText SHORT_TEXT = new FreeText(TEXT.requiredKey(), TEXT.tooLongKey(), MAX_SHORT);
    private static final FreeText DOCUMENTS = new FreeText(TEXT.requiredKey(), TEXT.tooLongKey(), 1000);
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    static final Set<String> COMMERCE_STEPS = Set.of("budgetFiling", "procurement", "tender", "contract",
            "contractAcceptance", "payment");

    public record Evaluation(String businessValue, BigDecimal estimatedCost, BigDecimal budget,
                             BigDecimal expectedBenefit) { }

    public record Decision(String decision, String reason, String alternatives) { }

    public record CommerceStep(String step, BigDecimal amount, LocalDate occurredOn, String documents, String note) { }

    public record Operation(String period, BigDecimal cost, BigDecimal realisedValue, String note) { }

    private final ProjectRepository projects;
    private final EvaluationRepository evaluations;
    private final DecisionRepository decisions;
    private final CommerceRepository commerce;
    private final CostRepository costs;
    private final SurveyRepository surveys;
    private final ValueRepository values;
    private final ProjectVersionRepository projectVersions;
    private final Versions versions;
    private final MilestoneChecks checks;
    private final ProjectLifecycle lifecycle;
    private final Clock clock;
    private final ProjectReaders readers;

    ProjectWork(ProjectRepository projects, EvaluationRepository evaluations, DecisionRepository decisions,
                CommerceRepository commerce, CostRepository costs, SurveyRepository surveys, ValueRepository values,
                ProjectVersionRepository projectVersions, Versions versions, MilestoneChecks checks,
                ProjectLifecycle lifecycle, Clock clock, ProjectReaders readers) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.commerce = commerce;
        this.costs = costs;
        this.surveys = surveys;
        this.values = values;
        this.projectVersions = projectVersions;
        this.versions = versions;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.readers = readers;
    }

    /** The pre-project evaluation (value, cost, budget, expected benefit), replaced while the project is in initiation. */
    @Transactional
    public Project evaluate(Member member, long id, Evaluation in) {
        Project project = inStage(id, ProjectStage.INITIATION);
        String value = TEXT.check(in.businessValue(), true, "businessValue");
        BigDecimal cost = amount(in.estimatedCost(), true, "estimatedCost");
        BigDecimal budget = amount(in.budget(), true, "budget");
        BigDecimal benefit = amount(in.expectedBenefit(), true, "expectedBenefit");
        evaluations.save(project.id(), value, cost, member.userId(), clock.instant());
        projects.evaluation(project.id(), budget, benefit);
        return projects.find(id).orElseThrow();
    }

    /** An architecture decision record of the pre-initiation review (or of the review stage). */
    @Transactional
    public void decide(Member member, long id, Decision in) {
        inStage(id, ProjectStage.INITIATION, ProjectStage.REVIEW);
        decisions.insert(id, SHORT_TEXT.check(in.decision(), true, "decision"), TEXT.check(in.reason(), true, "reason"),
                TEXT.check(in.alternatives(), false, "alternatives"), member.userId(), clock.instant());
    }

    /**
     * A commerce step with its amount and documents. Steps are recorded in commerce; payments (milestones that fall due
     * later) until the project closes, each also a {@code payment} cost.
     */
    @Transactional
    public void commerce(Member member, long id, CommerceStep in) {
        String step = in.step() == null ? null : in.step().strip();
        if (step == null || !COMMERCE_STEPS.contains(step)) {
            throw invalid("step", "delivery.project.error.commerceStep");
        }
        Project project = "payment".equals(step)
                ? inStage(id, ProjectStage.COMMERCE, ProjectStage.QC, ProjectStage.GO_LIVE, ProjectStage.ACCEPTANCE,
                ProjectStage.OPERATION)
                : inStage(id, ProjectStage.COMMERCE);
        BigDecimal amount = amount(in.amount(), true, "amount");
        LocalDate on = in.occurredOn() == null ? LocalDate.now(clock) : in.occurredOn();
        String documents = DOCUMENTS.check(in.documents(), false, "documents");
        String note = TEXT.check(in.note(), false, "note");
        var now = clock.instant();
        Long costId = "payment".equals(step)
                ? costs.insert(project.id(), CostRepository.PAYMENT, amount, on, note, member.userId(), now) : null;
        commerce.insert(project.id(), step, amount, on, documents, note, costId, member.userId(), now);
    }

    /** Links a version of one of the project's systems; go-live completes only when each is in production. */
    @Transactional
    public void linkVersion(Member member, long id, Long versionId) {
        Project project = inStage(id, ProjectStage.INITIATION, ProjectStage.REVIEW, ProjectStage.COMMERCE,
                ProjectStage.QC, ProjectStage.GO_LIVE);
        VersionRef version = versionId == null ? null : versions.find(versionId).orElse(null);
        if (version == null) {
            throw invalid("versionId", "delivery.project.error.unknownVersion");
        }
        if (!project.systems().contains(version.system())) {
            throw invalid("versionId", "delivery.project.error.versionSystem");
        }
        if (projectVersions.link(project.id(), version.id())) {
            versions.record(version.id(), "project.linked", member.userId(), project.key() + " " + project.name(),
                    "/delivery/projects/" + project.id());
        }
    }

    /**
     * A member of a requesting department answers the satisfaction survey (1–5, comment) once; when every requesting
     * department has answered, the survey step completes and the project moves to post-project operation.
     */
    @Transactional
    public Project answerSurvey(Member member, long id, Integer score, String comment) {
        // another department's project is "not found" before anything else is said about it
        readers.require(member, id);
        Project project = inStage(id, ProjectStage.ACCEPTANCE, ProjectStage.OPERATION);
        if (score == null || score < 1 || score > 5) {
            throw invalid("score", "delivery.project.error.score");
        }
        String text = TEXT.check(comment, false, "comment");
        List<String> requesting = checks.requestingDepartments(project);
        if (!requesting.contains(member.department())) {
            throw new AccessDeniedException("delivery.project.error.notRequesting");
        }
        if (project.stage() == ProjectStage.ACCEPTANCE && project.acceptedAt() == null) {
            throw new ConflictException("delivery.project.error.notNow", project.key(), project.stage().code());
        }
        if (surveys.answered(project.id(), member.userId())) {
            throw new ConflictException("delivery.project.error.answered", project.key());
        }
        surveys.insert(project.id(), member.department(), score, text, member.userId(), clock.instant());
        Set<String> answered = new HashSet<>();
        surveys.of(project.id()).forEach(a -> answered.add(a.department()));
        if (answered.containsAll(requesting)) {
            return lifecycle.surveyDone(member, project);
        }
        return project;
    }

    /** Post-project operation: the month's operation cost (a cost row) and the value realised. */
    @Transactional
    public void operation(Member member, long id, Operation in) {
        Project project = inStage(id, ProjectStage.OPERATION);
        YearMonth month;
        try {
            month = YearMonth.parse(in.period() == null ? "" : in.period().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("period", "delivery.project.error.period");
        }
        BigDecimal cost = amount(in.cost(), false, "cost");
        BigDecimal value = amount(in.realisedValue(), false, "realisedValue");
        if (cost == null && value == null) {
            throw invalid("cost", "delivery.project.error.required");
        }
        String note = TEXT.check(in.note(), false, "note");
        var now = clock.instant();
        if (cost != null) {
            costs.insert(project.id(), CostRepository.OPERATION, cost, month.atDay(1), note, member.userId(), now);
        }
        if (value != null) {
            values.insert(project.id(), month.atDay(1), value, note, member.userId(), now);
        }
    }

    private Project inStage(long id, ProjectStage... allowed) {
        Project project = projects.find(id).orElseThrow(
                () -> new io.clearflow.engine.api.NotFoundException("project", String.valueOf(id)));
        if (!List.of(allowed).contains(project.stage())) {
            throw new ConflictException("delivery.project.error.notNow", project.key(), project.stage().code());
        }
        return project;
    }

    /** Money: not negative, at most two decimals, fits NUMERIC(18, 2). */
    static BigDecimal amount(BigDecimal value, boolean required, String field) {
        if (value == null) {
            if (required) {
                throw invalid(field, "delivery.project.error.required");
            }
            return null;
        }
        if (value.signum() < 0) {
            throw invalid(field, "delivery.project.error.negative");
        }
        if (value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw invalid(field, "delivery.project.error.amount");
        }
        return value;
    }

    static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
