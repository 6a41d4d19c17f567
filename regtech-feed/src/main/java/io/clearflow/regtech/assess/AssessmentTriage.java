package io.clearflow.regtech.assess;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import io.clearflow.regtech.item.ItemRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
    private final Clock clock;

    AssessmentTriage(AssessmentRepository assessments, ItemRepository items, WorkService work, AssessmentTasks tasks,
                     Clock clock) {
        this.assessments = assessments;
        this.items = items;
        this.work = work;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Returns the new assessment's id. */
    long triage(Member member, long itemId, Boolean relevant, String reason, List<String> departments, LocalDate deadline) {
        AssessmentChecks.checkCompliance(member);
        items.find(itemId).orElseThrow(() -> new NotFoundException("regulatory item", String.valueOf(itemId)));
        if (relevant == null) {
            throw new InvalidRequestException("relevant or not?", Map.of("relevant", "regtech.error.relevant"));
        }
        String why = AssessmentChecks.reason(reason, "reason");
        if (assessments.forItem(itemId).isPresent()) {
            throw new ConflictException("regtech.error.alreadyTriaged");
        }
        List<String> depts = departments == null ? List.of() : departments.stream().filter(d -> d != null && !d.isBlank())
                .map(String::strip).distinct().toList();
        if (relevant) {
            checkAssignment(depts, deadline);
        }
        long id = assessments.insert(itemId, relevant ? "assessing" : "closed", relevant, why, relevant ? depts : List.of(),
                relevant ? deadline : null, member.userId(), clock.instant());
        CaseView started = work.start(member, AssessmentService.PROCESS_KEY, "REG-" + id,
                Map.of("assessmentId", id, "relevant", false));
        assessments.setCase(id, started.id());
        items.setAssessment(itemId, id, relevant ? "assessing" : "not-relevant");
        work.complete(member, tasks.open(started.id(), "triage", null).getId(), Map.of("relevant", relevant), why);
        return id;
    }

    /** A relevant item goes to known departments (at most 12) with a deadline not in the past. */
    private void checkAssignment(List<String> depts, LocalDate deadline) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (depts.isEmpty()) {
            errors.put("departments", "regtech.error.departments");
        } else if (depts.size() > 12 || depts.stream().anyMatch(d -> !d.matches("dept-[a-z0-9-]{1,40}"))) {
            errors.put("departments", "regtech.error.departments");
        }
        if (deadline == null) {
            errors.put("deadline", "regtech.error.deadline");
        } else if (deadline.isBefore(AssessmentChecks.today(clock))) {
            errors.put("deadline", "regtech.error.deadlinePast");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the triage has invalid fields", errors);
        }
    }
}
