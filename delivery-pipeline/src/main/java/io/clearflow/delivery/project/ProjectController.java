package io.clearflow.delivery.project;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projects over REST under {@code /api/delivery/projects}; each handler is one service call. */
@RestController
class ProjectController {

    record Created(long id, String stage) { }

    record CommentIn(String comment) { }

    record ReasonIn(String reason) { }

    record VersionIn(@NotNull Long versionId) { }

    record SurveyIn(@NotNull Integer score, String comment) { }

    record EvaluationIn(String businessValue, BigDecimal estimatedCost, BigDecimal budget, BigDecimal expectedBenefit) { }

    record DecisionIn(String decision, String reason, String alternatives) { }

    record CommerceIn(String step, BigDecimal amount, LocalDate occurredOn, String documents, String note) { }

    record OperationIn(String period, BigDecimal cost, BigDecimal realisedValue, String note) { }

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final ProjectLifecycle lifecycle;
    private final ProjectWork work;
    private final CurrentUser currentUser;

    ProjectController(ProjectService projects, ProjectQueries queries, ProjectLifecycle lifecycle, ProjectWork work,
                      CurrentUser currentUser) {
        this.projects = projects;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.work = work;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/api/delivery/projects")
    @PreAuthorize(ProjectAccess.CREATE)
    ResponseEntity<Created> create(@Valid @RequestBody NewProject input) {
        Project p = projects.create(currentUser.get(), input);
        return ResponseEntity.created(URI.create("/api/delivery/projects/" + p.id())).body(new Created(p.id(), p.stage().code()));
    }

    @GetMapping("/api/delivery/projects")
    @PreAuthorize(ProjectAccess.READ)
    List<ProjectQueries.Summary> list(@RequestParam(required = false) String department,
                                      @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) String system) {
        return queries.list(currentUser.get(), department, stage, system);
    }

    @GetMapping("/api/delivery/projects/{id}")
    @PreAuthorize(ProjectAccess.READ)
    ProjectQueries.Detail detail(@PathVariable long id) {
        return queries.detail(currentUser.get(), id);
    }

    @PutMapping("/api/delivery/projects/{id}/evaluation")
    @PreAuthorize(ProjectAccess.MANAGE)
    ProjectQueries.Detail evaluate(@PathVariable long id, @RequestBody EvaluationIn in) {
        work.evaluate(currentUser.get(), id, new ProjectWork.Evaluation(in.businessValue(), in.estimatedCost(),
                in.budget(), in.expectedBenefit()));
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/decisions")
    @PreAuthorize(ProjectAccess.DECIDE)
    ProjectQueries.Detail decide(@PathVariable long id, @RequestBody DecisionIn in) {
        work.decide(currentUser.get(), id, new ProjectWork.Decision(in.decision(), in.reason(), in.alternatives()));
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/commerce")
    @PreAuthorize(ProjectAccess.MANAGE)
    ProjectQueries.Detail commerce(@PathVariable long id, @RequestBody CommerceIn in) {
        work.commerce(currentUser.get(), id, new ProjectWork.CommerceStep(in.step(), in.amount(), in.occurredOn(),
                in.documents(), in.note()));
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/versions")
    @PreAuthorize(ProjectAccess.MANAGE)
    ProjectQueries.Detail link(@PathVariable long id, @Valid @RequestBody VersionIn in) {
        work.linkVersion(currentUser.get(), id, in.versionId());
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/survey")
    @PreAuthorize(ProjectAccess.SURVEY)
    ProjectQueries.Detail survey(@PathVariable long id, @Valid @RequestBody SurveyIn in) {
        work.answerSurvey(currentUser.get(), id, in.score(), in.comment());
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/operation")
    @PreAuthorize(ProjectAccess.MANAGE)
    ProjectQueries.Detail operation(@PathVariable long id, @RequestBody OperationIn in) {
        work.operation(currentUser.get(), id, new ProjectWork.Operation(in.period(), in.cost(), in.realisedValue(),
                in.note()));
        return queries.detail(id);
    }

    /** Completes the open milestone (the caller must be in its inbox). */
    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/advance")
    @PreAuthorize(ProjectAccess.MILESTONE)
    ProjectQueries.Detail advance(@PathVariable long id, @RequestBody(required = false) CommentIn in) {
        lifecycle.advance(currentUser.get(), id, in == null ? null : in.comment());
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/send-back")
    @PreAuthorize(ProjectAccess.MILESTONE)
    ProjectQueries.Detail sendBack(@PathVariable long id, @RequestBody ReasonIn in) {
        lifecycle.sendBack(currentUser.get(), id, in.reason());
        return queries.detail(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/projects/{id}/cancel")
    @PreAuthorize(ProjectAccess.MANAGE)
    ProjectQueries.Detail cancel(@PathVariable long id, @RequestBody ReasonIn in) {
        lifecycle.cancel(currentUser.get(), id, in.reason());
        return queries.detail(id);
    }
}
