package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.jira.JiraProperties;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Development tracking: splitting a demand into tasks, their progress, and handing the result over. */
@Component
class DemandTracking {

    private final DemandTransitions transitions;
    private final DemandTaskRepository demandTasks;
    private final JiraProperties jira;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    DemandTracking(DemandTransitions transitions, DemandTaskRepository demandTasks, JiraProperties jira,
                   ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.transitions = transitions;
        this.demandTasks = demandTasks;
        this.jira = jira;
        this.events = events;
        this.clock = clock;
        this.validator = validator;
    }

    Demand split(Member member, long id, List<DemandInput.NewTask> tasks) {
        Demand d = transitions.check(member, id, DemandAction.SPLIT);
        List<DemandInput.NewTask> checked = DemandInput.checked(validator, tasks);
        Instant now = clock.instant();
        DemandTask.SyncState sync = jira.enabled() ? DemandTask.SyncState.PENDING : DemandTask.SyncState.LOCAL;
        Demand moved = transitions.transition(member, d, DemandAction.SPLIT, DemandState.TRACKING, DemandChange.none(),
                Map.of(), null, now);
        for (DemandInput.NewTask t : checked) {
            demandTasks.insert(id, t.title(), t.estimateDays(), t.dueDate(), sync, now);
        }
        if (jira.enabled()) {
            events.publishEvent(new DemandService.TasksCreated(id));
        }
        return moved;
    }

    DemandTask updateTask(Member member, long taskId, DemandTask.Status status, BigDecimal actualDays) {
        DemandTask task = demandTasks.find(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        transitions.check(member, task.demandId(), DemandAction.UPDATE_TASK);
        if (status == null) {
            throw new InvalidRequestException("demand.error.status", Map.of("status", "demand.error.status"));
        }
        DemandInput.progress(validator, actualDays);
        if (task.jiraKey() != null) {
            throw new ConflictException("demand.error.trackedInJira", task.jiraKey());
        }
        demandTasks.updateStatus(taskId, status, actualDays, null, clock.instant());
        return demandTasks.find(taskId).orElseThrow();
    }

    Demand deliver(Member member, long id) {
        Demand d = transitions.check(member, id, DemandAction.DELIVER);
        List<DemandTask> split = demandTasks.ofDemand(id);
        long open = split.stream().filter(t -> t.status() != DemandTask.Status.DONE).count();
        if (open > 0) {
            throw new ConflictException("demand.error.tasksOpen", open);
        }
        Instant now = clock.instant();
        BigDecimal actual = split.stream().map(t -> t.actualDays() == null ? BigDecimal.ZERO : t.actualDays())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return transitions.transition(member, d, DemandAction.DELIVER, DemandState.ACCEPTANCE,
                DemandChange.none().delivered(now, actual), Map.of(), actual + " person-days", now);
    }
}
