package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a demand's state and its process in step. An open demand must have exactly its state's step
 * open in its process, so that somebody has an action; {@link #check} lists those that do not (a
 * demand stranded by an operation that moved the process alone), and an administrator repairs one by
 * moving the process back to the step of the demand's state ({@link #repair}).
 */
@Service
public class DemandConsistency {

    /**
     * An open demand whose process does not wait at its state's step: the step ids for the API, and the demand's
     * title and the open steps' names for the administrator's page.
     */
    public record Stranded(long id, String title, String caseId, DemandState state, String expectedStep,
                           List<String> openSteps, List<String> openStepNames) { }

    private final DemandRepository demands;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DemandConsistency(DemandRepository demands, TaskService tasks, RuntimeService runtime) {
        this.demands = demands;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Transactional(readOnly = true)
    public List<Stranded> check(Member member) {
        requireAdmin(member);
        List<Stranded> stranded = new ArrayList<>();
        for (Demand d : demands.open()) {
            inconsistency(d).ifPresent(stranded::add);
        }
        return stranded;
    }

    /** Moves the process of a stranded demand to the step of its state; the demand's state is the record. */
    @Transactional
    public Demand repair(Member member, long id) {
        requireAdmin(member);
        Demand d = demands.find(id).orElseThrow(() -> new NotFoundException("demand", String.valueOf(id)));
        Stranded s = inconsistency(d).orElseThrow(() -> new ConflictException("demand.error.notStranded", "DEM-" + id));
        if (s.openSteps().isEmpty()) {
            throw new ConflictException("demand.error.processEnded", "DEM-" + id);
        }
        runtime.createChangeActivityStateBuilder().processInstanceId(d.caseId())
                .moveActivityIdsToSingleActivityId(s.openSteps(), s.expectedStep()).changeState();
        return d;
    }

    private java.util.Optional<Stranded> inconsistency(Demand d) {
        if (d.state().closed() || d.caseId() == null) {
            return java.util.Optional.empty();
        }
        List<Task> openTasks = tasks.createTaskQuery().processInstanceId(d.caseId()).list();
        List<String> open = openTasks.stream().map(Task::getTaskDefinitionKey).distinct().toList();
        List<String> names = openTasks.stream().map(t -> t.getName() != null ? t.getName() : t.getTaskDefinitionKey())
                .distinct().toList();
        return open.equals(List.of(d.state().activityId())) ? java.util.Optional.empty()
                : java.util.Optional.of(new Stranded(d.id(), d.title(), d.caseId(), d.state(), d.state().activityId(),
                open, names));
    }

    private static void requireAdmin(Member member) {
        if (!member.hasRole(PlatformRole.ADMIN)) {
            throw new AccessDeniedException("demand.denied.repair");
        }
    }
}
