package io.clearflow.regtech.assess;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import io.clearflow.regtech.item.ItemRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Compliance's triage of an item: the assessment record, its process started and the triage step completed. */
@Component
class AssessmentTriage {

    private final AssessmentRepository assessments;
    private final ItemRepository items;
    private final WorkService work;
    private final AssessmentTasks tasks;
    private final Validator validator;
    private final Clock clock;

    AssessmentTriage(AssessmentRepository assessments, ItemRepository items, WorkService work, AssessmentTasks tasks,
                     Validator validator, Clock clock) {
        this.assessments = assessments;
        this.items = items;
        this.work = work;
        this.tasks = tasks;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Returns the new assessment's id. The choice and the reason are checked before the item's earlier triage
     * (409), the departments and deadline after it, so a repeated triage answers 409 whatever it assigns.
     */
    long triage(Member member, long itemId, TriageInput in) {
        AssessmentChecks.checkCompliance(member);
        items.find(itemId).orElseThrow(() -> new NotFoundException("regulatory item", String.valueOf(itemId)));
        DeclaredRules.checkProperty(validator, in, "relevant", "regtech.error.relevant");
        DeclaredRules.checkProperty(validator, in, "reason", "regtech.error.reason");
        if (assessments.forItem(itemId).isPresent()) {
            throw new ConflictException("regtech.error.alreadyTriaged");
        }
        DeclaredRules.check(validator, in, "regtech.error.triage");
        boolean relevant = in.relevant();
        String why = in.reason().strip();
        long id = assessments.insert(itemId, relevant ? "assessing" : "closed", relevant, why,
                relevant ? in.departments() : List.of(), relevant ? in.deadline() : null, member.userId(), clock.instant());
        CaseView started = work.start(member, AssessmentService.PROCESS_KEY, "REG-" + id,
                Map.of("assessmentId", id, "relevant", false));
        assessments.setCase(id, started.id());
        items.setAssessment(itemId, id, relevant ? "assessing" : "not-relevant");
        work.complete(member, tasks.open(started.id(), "triage", null).getId(), Map.of("relevant", relevant), why);
        return id;
    }
}
