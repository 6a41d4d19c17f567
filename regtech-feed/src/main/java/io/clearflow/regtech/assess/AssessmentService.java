package io.clearflow.regtech.assess;

import io.clearflow.demand.api.DemandRef;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.governance.ScenarioSummary;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The impact assessment of a regulatory item on the engine. Each step checks the member (403) and
 * the assessment's state (409), writes the business record and completes the process step through
 * {@link WorkService} in one transaction, so inboxes and the event log follow. The service holds the transactions
 * and delegates each step: {@link AssessmentTriage}, {@link ImpactAssessment}, {@link AssessmentDecision} (with
 * {@link ScenarioOpening}) and {@link AssessmentViews} for what readers see.
 */
@Service
public class AssessmentService {

    public static final String PROCESS_KEY = "regtechAssessment";

    /** An assessment with its impacts, its demand's state and what the reader may do now. */
    public record View(Assessment assessment, List<Impact> impacts, Optional<DemandRef> demand,
                       Optional<ScenarioSummary> scenario, boolean mayAssess, boolean mayDecide, boolean overdue) { }

    private final AssessmentRepository assessments;
    private final AssessmentTriage triage;
    private final ImpactAssessment impacts;
    private final AssessmentDecision decisions;
    private final AssessmentViews views;

    AssessmentService(AssessmentRepository assessments, AssessmentTriage triage, ImpactAssessment impacts,
                      AssessmentDecision decisions, AssessmentViews views) {
        this.assessments = assessments;
        this.triage = triage;
        this.impacts = impacts;
        this.decisions = decisions;
        this.views = views;
    }

    /** Compliance triages: relevant (with the departments that assess and a deadline) or not, always with a reason. */
    @Transactional
    public Assessment triage(Member member, long itemId, TriageInput input) {
        return assessments.find(triage.triage(member, itemId, input)).orElseThrow();
    }

    /** A department assessing the impact (its members: business staff of that department, or IT). */
    @Transactional
    public Assessment assess(Member member, long assessmentId, ImpactInput input) {
        impacts.assess(member, get(assessmentId), input);
        return get(assessmentId);
    }

    /**
     * Compliance decides: raise a demand (through the demand portal, linked both ways), open a
     * governance scenario with source "regulation" in the engine's catalog, or no action, each with a reason.
     */
    @Transactional
    public Assessment decide(Member member, long assessmentId, DecisionInput input) {
        AssessmentChecks.checkCompliance(member);
        decisions.decide(member, get(assessmentId), input);
        return get(assessmentId);
    }

    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return assessments.find(id).orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<View> forItem(Member member, long itemId) {
        return views.forItem(member, itemId);
    }

    @Transactional(readOnly = true)
    public View view(Member member, long id) {
        return views.view(member, get(id));
    }

    @Transactional(readOnly = true)
    public List<View> list(Member member) {
        return views.list(member);
    }

    @Transactional(readOnly = true)
    public Optional<Assessment> forCase(String caseId) {
        return assessments.forCase(caseId);
    }
}
