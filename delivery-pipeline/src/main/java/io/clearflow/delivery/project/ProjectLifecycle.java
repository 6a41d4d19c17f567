package io.clearflow.delivery.project;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.ActingAs;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a project through its milestones on the engine ({@link ProjectService#PROCESS_KEY}): completing the open
 * step, sending it back with a reason, cancelling. The project's stage follows the open step, in the same
 * transaction: {@code del_project.stage} and a new {@code del_project_stage} visit (the old one closed) whenever the
 * step belongs to another stage.
 */
@Service
public class ProjectLifecycle {

    /** The stage each step of the process belongs to. */
    static final Map<String, ProjectStage> STEP_STAGE = Map.of(
            "evaluate", ProjectStage.INITIATION, "approveInitiation", ProjectStage.INITIATION,
            "review", ProjectStage.REVIEW, "commerce", ProjectStage.COMMERCE, "qcMilestone", ProjectStage.QC,
            "goLive", ProjectStage.GO_LIVE, "acceptance", ProjectStage.ACCEPTANCE, "survey", ProjectStage.ACCEPTANCE,
            "operation", ProjectStage.OPERATION);

    /** Where a milestone goes when sent back (打回): the step whose work it judged. */
    static final Map<String, String> SEND_BACK_TO = Map.of(
            "approveInitiation", "evaluate", "review", "evaluate", "commerce", "review", "qcMilestone", "commerce",
            "goLive", "qcMilestone", "acceptance", "goLive");

    private final ProjectRepository projects;
    private final StageHistoryRepository stages;
    private final CancellationRepository cancellations;
    private final MilestoneChecks checks;
    private final WorkService work;
    private final TaskService engineTasks;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ProjectReaders readers;

    ProjectLifecycle(ProjectRepository projects, StageHistoryRepository stages, CancellationRepository cancellations,
                     MilestoneChecks checks, WorkService work, TaskService engineTasks, RuntimeService runtime,
                     Clock clock, ProjectReaders readers) {
        this.projects = projects;
        this.stages = stages;
        this.cancellations = cancellations;
        this.checks = checks;
        this.work = work;
        this.engineTasks = engineTasks;
        this.clock = clock;
        this.runtime = runtime;
        this.readers = readers;
    }

    /** The open step of the project's case: its definition key and name, or empty when the case has ended. */
    public record Step(String id, String name) { }

    @Transactional(readOnly = true)
    public Optional<String> openTaskId(Project project) {
        return openTask(project).map(Task::getId);
    }

    @Transactional(readOnly = true)
    public Optional<Step> openStep(Project project) {
        return openTask(project).map(t -> new Step(t.getTaskDefinitionKey(), t.getName()));
    }

    /**
     * Completes the project's open milestone as {@code member} (the engine refuses who is not in its inbox), after the
     * milestone's own entry criteria ({@link MilestoneChecks}). The survey step is not completed by hand: the
     * requesting departments' answers complete it.
     */
    @Transactional
    public Project advance(Member member, long id, String comment) {
        Project project = openProject(member, id);
        Task task = openTask(project).orElseThrow(() -> notNow(project));
        String step = task.getTaskDefinitionKey();
        if ("survey".equals(step)) {
            throw new ConflictException("delivery.project.error.surveyPending", project.key());
        }
        requireInbox(member, task);
        Map<String, Object> variables = checks.before(project, step);
        work.complete(member, task.getId(), variables, text(comment));
        if ("acceptance".equals(step)) {
            projects.accepted(id, clock.instant());
        }
        return follow(project, member);
    }

    /** Completes the survey step once every requesting department answered (called by the survey). */
    @Transactional
    public Project surveyDone(Member member, Project project) {
        Task task = openTask(project).filter(t -> "survey".equals(t.getTaskDefinitionKey())).orElse(null);
        if (task == null) {
            return project;
        }
        work.complete(member, task.getId(), Map.of(), null);
        return follow(project, member);
    }

    /** Sends the open milestone back to the step whose work it judged, with a reason (required). */
    @Transactional
    public Project sendBack(Member member, long id, String reason) {
        Project project = openProject(member, id);
        Task task = openTask(project).orElseThrow(() -> notNow(project));
        String target = SEND_BACK_TO.get(task.getTaskDefinitionKey());
        if (target == null) {
            throw new ConflictException("delivery.project.error.noSendBack", project.key());
        }
        requireInbox(member, task);
        work.sendBack(member, task.getId(), target, reason);
        if ("acceptance".equals(task.getTaskDefinitionKey())) {
            projects.accepted(id, null);
        }
        return follow(project, member);
    }

    /** Cancels an open project with a reason: its case ends, its stage becomes {@code cancelled}. */
    @Transactional
    public Project cancel(Member member, long id, String reason) {
        Project project = openProject(member, id);
        String why = ProjectWork.TEXT.check(reason, true, "reason");
        var now = clock.instant();
        if (!projects.moveStage(id, project.stage(), ProjectStage.CANCELLED, now)) {
            throw new ConflictException("delivery.project.error.changed", project.key());
        }
        stages.enter(id, ProjectStage.CANCELLED, member.userId(), now);
        cancellations.insert(id, why, member.userId(), now);
        // the case ends here, attributed to the canceller in the engine's history and the event log
        ActingAs.member(member, () -> runtime.deleteProcessInstance(project.caseId(), "cancelled: " + why));
        return projects.find(id).orElseThrow();
    }

    /** Moves the stage to the one of the step now open (closed when the case has ended). */
    private Project follow(Project before, Member member) {
        ProjectStage now = openTask(before).map(t -> STEP_STAGE.get(t.getTaskDefinitionKey())).orElse(ProjectStage.CLOSED);
        if (now != before.stage()) {
            var at = clock.instant();
            if (!projects.moveStage(before.id(), before.stage(), now, at)) {
                throw new ConflictException("delivery.project.error.changed", before.key());
            }
            stages.enter(before.id(), now, member.userId(), at);
        }
        return projects.find(before.id()).orElseThrow();
    }

    /** An open project the member may read: one they may not see is "not found", not "not your inbox". */
    private Project openProject(Member member, long id) {
        Project project = readers.require(member, id);
        if (!project.open()) {
            throw notNow(project);
        }
        return project;
    }

    /**
     * The engine answers "no such task" to someone outside the step's inbox; the project exists and its milestone is
     * visible on its page, so the honest answer is a refusal (403).
     */
    private void requireInbox(Member member, Task task) {
        try {
            work.task(member, task.getId());
        } catch (io.clearflow.engine.api.NotFoundException e) {
            throw new AccessDeniedException("delivery.project.error.otherInbox");
        }
    }

    private Optional<Task> openTask(Project project) {
        List<Task> open = engineTasks.createTaskQuery().processInstanceId(project.caseId()).list();
        return open.stream().findFirst();
    }

    private static ConflictException notNow(Project project) {
        return new ConflictException("delivery.project.error.notNow", project.key(), project.stage().code());
    }

    private static String text(String comment) {
        return ProjectWork.TEXT.check(comment, false, "comment");
    }
}
