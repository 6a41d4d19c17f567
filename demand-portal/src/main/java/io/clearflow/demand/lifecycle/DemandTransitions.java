package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.WorkService;
import java.time.Instant;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every lifecycle operation shares, as Flowable's {@code NeedsActiveTaskCmd} does for its commands: find the
 * demand the member may see, check role (403) and state (409), then move the record, write its history, publish
 * {@link DemandService.StateChanged} and complete the matching process step through {@link WorkService}.
 */
@Component
class DemandTransitions {

    private final DemandRepository demands;
    private final DemandHistoryRepository history;
    private final WorkService work;
    private final TaskService engineTasks;
    private final ApplicationEventPublisher events;

    DemandTransitions(DemandRepository demands, DemandHistoryRepository history, WorkService work,
                      TaskService engineTasks, ApplicationEventPublisher events) {
        this.demands = demands;
        this.history = history;
        this.work = work;
        this.engineTasks = engineTasks;
        this.events = events;
    }

    /** The demand if the member may see it: 404 when there is none, 403 when it is not theirs to see. */
    Demand visible(Member member, long id) {
        Demand d = demands.find(id).orElseThrow(() -> new NotFoundException("demand", String.valueOf(id)));
        DemandAccess.checkView(member, d);
        return d;
    }

    /** The demand, if the member's role may take the action and the demand is in the action's state now. */
    Demand check(Member member, long id, DemandAction action) {
        Demand d = visible(member, id);
        if (!action.entitled(member, d)) {
            throw new AccessDeniedException("demand.denied.role");
        }
        if (d.state() != action.from()) {
            throw new ConflictException("demand.error.notNow", "DEM-" + id);
        }
        return d;
    }

    Demand transition(Member member, Demand d, DemandAction action, DemandState to, DemandChange change,
                      Map<String, Object> routing, String note, Instant now) {
        if (!demands.move(d.id(), d.state(), to, change)) {
            throw new ConflictException("demand.error.changed", "DEM-" + d.id());
        }
        history.add(d.id(), d.state(), to, member.userId(), now, note);
        events.publishEvent(new DemandService.StateChanged(d.id(), d.state(), to));
        if (action != DemandAction.UPDATE_TASK) {
            Task step = engineTasks.createTaskQuery().processInstanceId(d.caseId())
                    .taskDefinitionKey(action.from().activityId()).singleResult();
            if (step == null) {
                throw new ConflictException("demand.error.stepNotOpen", "DEM-" + d.id());
            }
            work.complete(member, step.getId(), routing, note);
        }
        return demands.find(d.id()).orElseThrow();
    }
}
