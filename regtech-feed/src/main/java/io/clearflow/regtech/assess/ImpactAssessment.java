package io.clearflow.regtech.assess;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A department's impact on an assessment: its record, its step completed, and deciding once every department is in. */
@Component
class ImpactAssessment {

    static final Set<String> RISKS = Set.of("low", "medium", "high");

    private final AssessmentRepository assessments;
    private final ImpactRepository impacts;
    private final WorkService work;
    private final AssessmentTasks tasks;
    private final Clock clock;

    ImpactAssessment(AssessmentRepository assessments, ImpactRepository impacts, WorkService work, AssessmentTasks tasks,
                     Clock clock) {
        this.assessments = assessments;
        this.impacts = impacts;
        this.work = work;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The member assesses for their department (business staff of that department, or IT). */
    void assess(Member member, Assessment a, String processes, String systems, LocalDate deadline, String risk) {
        if (!a.state().equals("assessing")) {
            throw new ConflictException("regtech.error.notAssessing");
        }
        String dept = member.department();
        if (dept == null || !a.departments().contains(dept)) {
            throw new AccessDeniedException("your department was not asked to assess this item");
        }
        Task task = tasks.open(a.caseId(), "assessImpact", dept);
        if (task == null) {
            throw new ConflictException("regtech.error.alreadyAssessed");
        }
        check(processes, systems, risk);
        impacts.insert(a.id(), dept, member.userId(), processes.strip(), systems.strip(), deadline, risk, clock.instant());
        work.complete(member, task.getId(), Map.of(), null);
        if (tasks.open(a.caseId(), "assessImpact", null) == null) {
            assessments.setState(a.id(), "deciding");
        }
    }

    private static void check(String processes, String systems, String risk) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (processes == null || processes.isBlank()) {
            errors.put("processes", "regtech.error.processes");
        }
        if (systems == null || systems.isBlank()) {
            errors.put("systems", "regtech.error.systems");
        }
        if (processes != null && processes.length() > 2000 || systems != null && systems.length() > 2000) {
            errors.put("processes", "regtech.error.impactLength");
        }
        if (risk == null || !RISKS.contains(risk)) {
            errors.put("risk", "regtech.error.risk");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the impact has invalid fields", errors);
        }
    }
}
