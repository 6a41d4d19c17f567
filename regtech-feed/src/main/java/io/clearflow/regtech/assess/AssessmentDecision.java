package io.clearflow.regtech.assess;

import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.WorkService;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Map;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * Compliance's decision on an assessed item: raise a demand (through the demand portal, linked both ways), open a
 * governance scenario ({@link ScenarioOpening}) or no action, each with a reason; the decide step is completed.
 */
@Component
class AssessmentDecision {

    private final AssessmentRepository assessments;
    private final ImpactRepository impacts;
    private final ItemRepository items;
    private final WorkService work;
    private final AssessmentTasks tasks;
    private final DemandIntake demands;
    private final ScenarioOpening scenarios;
    private final Validator validator;
    private final Clock clock;

    AssessmentDecision(AssessmentRepository assessments, ImpactRepository impacts, ItemRepository items, WorkService work,
                       AssessmentTasks tasks, DemandIntake demands, ScenarioOpening scenarios, Validator validator,
                       Clock clock) {
        this.assessments = assessments;
        this.impacts = impacts;
        this.items = items;
        this.work = work;
        this.tasks = tasks;
        this.demands = demands;
        this.scenarios = scenarios;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The member is compliance, checked by the caller before the assessment was read. The reason is checked before
     * the choice, and the choice before what it needs, as the form reads.
     */
    void decide(Member member, Assessment a, DecisionInput in) {
        if (!a.state().equals("deciding")) {
            throw new ConflictException(a.state().equals("assessing") ? "regtech.error.stillAssessing" : "regtech.error.alreadyDecided");
        }
        DeclaredRules.checkProperty(validator, in, "reason", "regtech.error.reason");
        DeclaredRules.checkProperty(validator, in, "decision", "regtech.error.decision");
        DeclaredRules.check(validator, in, "regtech.error.decisionInvalid");
        String why = in.reason().strip();
        Item item = items.find(a.itemId()).orElseThrow();
        Long demandId = null;
        String scenarioId = null;
        String status = in.decision();
        if (status.equals("demand")) {
            demandId = raiseDemand(member, a, item, why, in.demandTitle());
        } else if (status.equals("scenario")) {
            scenarioId = scenarios.open(member, item, why, in);
        }
        Task task = tasks.open(a.caseId(), "decide", null);
        assessments.decide(a.id(), status, why, demandId, scenarioId, member.userId(), clock.instant());
        items.setStatus(a.itemId(), status);
        if (task != null) {
            work.complete(member, task.getId(), Map.of(), why);
        }
    }

    /** A regulatory demand of high priority, its description the reason and each department's impact; returns its id. */
    private long raiseDemand(Member member, Assessment a, Item item, String why, String demandTitle) {
        String title = demandTitle == null || demandTitle.isBlank() ? "落实监管要求：" + item.title() : demandTitle.strip();
        title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
        StringBuilder description = new StringBuilder(why).append("\n\n");
        for (Impact i : impacts.of(a.id())) {
            description.append(i.department()).append(": ").append(i.processes()).append(" / ").append(i.systems())
                    .append(" (").append(i.risk()).append(")\n");
        }
        String ref = item.title().length() > 200 ? item.title().substring(0, 200) : item.title();
        return demands.raise(member, new NewDemand(title, description.length() > 4000 ? description.substring(0, 4000)
                : description.toString(), "REGULATORY", why.length() > 2000 ? why.substring(0, 2000) : why, "HIGH", true, ref,
                a.deadline(), new NewDemand.Origin("regtech", "assessment/" + a.id()))).id();
    }
}
