package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 5, improvement: the feedback channel every process has (anyone who may see a case rates its
 * process) and the improvement actions process owners derive from feedback and metrics.
 */
@Service
public class ImprovementService {

    private final FeedbackRepository feedback;
    private final ImprovementRepository improvements;
    private final Clock clock;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final CatalogService catalog;
    private final WorkService work;
    private final HistoryService history;
    private final Validator validator;

    ImprovementService(FeedbackRepository feedback, ImprovementRepository improvements, Clock clock, GovernanceAccess access, AuditTrail audit,
                              CatalogService catalog, WorkService work, HistoryService history, Validator validator) {
        this.feedback = feedback;
        this.improvements = improvements;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.catalog = catalog;
        this.work = work;
        this.history = history;
        this.validator = validator;
    }

    /** Rates the process of a case the member may see (404 otherwise, as for the case itself). */
    @Transactional
    public Feedback give(Member member, String caseId, String taskName, Integer rating, String comment) {
        DeclaredRules.check(validator, new CatalogInputs.Rating(caseId, taskName, rating, comment), "gov.refused.feedbackInvalid");
        CaseView view = work.caseOf(member, caseId);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        String task = taskName == null || taskName.isBlank() ? null : taskName.strip();
        if (task != null && task.length() > 255) {
            task = task.substring(0, 255);
        }
        long id = feedback.insert(view.processKey(), instance == null ? null : instance.getProcessDefinitionId(), caseId,
                task, rating, text, member.userId(), member.department(), clock.instant());
        String scenarioId = catalog.byProcessKey(view.processKey()).map(Scenario::id).orElse(null);
        audit.record(scenarioId, member.userId(), "feedback-given", "feedback " + id + " on " + view.processKey()
                + " case " + caseId + ": " + rating + "/5");
        return feedback(id);
    }

    /** Feedback on one process key (a governed scenario's, or any other process), newest first. */
    public List<Feedback> feedbackOn(Member member, String processKey) {
        access.requireRead(member);
        return feedback.onProcess(processKey);
    }

    /** Feedback on every process, newest first (the governance office's overview). */
    public List<Feedback> allFeedback(Member member, int limit) {
        access.requireRead(member);
        return feedback.all().stream().limit(limit).toList();
    }

    public List<Feedback> feedbackOf(Scenario scenario) {
        if (scenario.processKey() == null) {
            return List.of();
        }
        return feedback.onProcess(scenario.processKey());
    }

    /** Average rating of a process key, or {@code null} without feedback. */
    public Double averageRating(String processKey) {
        return feedback.averageRating(processKey);
    }

    private Feedback feedback(long id) {
        return feedback.find(id).orElseThrow(() -> new NotFoundException("feedback", String.valueOf(id)));
    }

    // ---- improvement actions --------------------------------------------------------------------

    @Transactional
    public Improvement addAction(Member member, String scenarioId, String title, String description, String metricRef,
                                 List<Long> feedbackIds) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        var input = DeclaredRules.check(validator, new CatalogInputs.Action(title, description, metricRef, feedbackIds,
                feedbackOf(scenario).stream().map(Feedback::id).toList()), "gov.refused.actionInvalid");
        List<Long> links = input.feedbackIds();
        long id = improvements.insert(scenarioId, title.strip(),
                description == null || description.isBlank() ? null : description.strip(),
                metricRef == null || metricRef.isBlank() ? null : metricRef.strip(), links, member.userId(), clock.instant());
        audit.record(scenarioId, member.userId(), "improvement-added", "action " + id + ": " + title.strip()
                + (links.isEmpty() ? "" : ", feedback " + links) + (metricRef == null || metricRef.isBlank() ? "" : ", metric " + metricRef.strip()));
        return action(id);
    }

    @Transactional
    public Improvement setStatus(Member member, long actionId, String status) {
        Improvement action = action(actionId);
        Scenario scenario = catalog.find(action.scenarioId());
        access.requireManage(member, scenario.ownerDepartment());
        DeclaredRules.check(validator, new CatalogInputs.ActionStatus(status), "gov.refused.unknownStatus");
        improvements.setStatus(actionId, status, clock.instant());
        audit.record(scenario.id(), member.userId(), "improvement-status", "action " + actionId + ": " + action.status()
                + " → " + status);
        return action(actionId);
    }

    public List<Improvement> actions(String scenarioId) {
        return improvements.of(scenarioId);
    }

    public Improvement action(long id) {
        return improvements.find(id).orElseThrow(() -> new NotFoundException("improvement action", String.valueOf(id)));
    }
}
