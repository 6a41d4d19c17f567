package io.clearflow.regtech.assess;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Map;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A department's impact on an assessment: its record, its step completed, and deciding once every department is in. */
@Component
class ImpactAssessment {

    private final AssessmentRepository assessments;
    private final ImpactRepository impacts;
    private final WorkService work;
    private final AssessmentTasks tasks;
    private final Validator validator;
    private final Clock clock;

    ImpactAssessment(AssessmentRepository assessments, ImpactRepository impacts, WorkService work, AssessmentTasks tasks,
                     Validator validator, Clock clock) {
        this.assessments = assessments;
        this.impacts = impacts;
        this.work = work;
        this.tasks = tasks;
        this.validator = validator;
        this.clock = clock;
    }

    /** The member assesses for their department (business staff of that department, or IT). */
    void assess(Member member, Assessment a, ImpactInput in) {
        if (!a.state().equals("assessing")) {
            throw new ConflictException("regtech.error.notAssessing");
        }
        String dept = member.department();
        if (dept == null || !a.departments().contains(dept)) {
            throw new AccessDeniedException("regtech.denied.notAsked");
        }
        Task task = tasks.open(a.caseId(), "assessImpact", dept);
        if (task == null) {
            throw new ConflictException("regtech.error.alreadyAssessed");
        }
        DeclaredRules.check(validator, in, "regtech.error.impact");
        impacts.insert(a.id(), dept, member.userId(), in.processes().strip(), in.systems().strip(), in.deadline(), in.risk(),
                clock.instant());
        work.complete(member, task.getId(), Map.of(), null);
        if (tasks.open(a.caseId(), "assessImpact", null) == null) {
            assessments.setState(a.id(), "deciding");
        }
    }
}
