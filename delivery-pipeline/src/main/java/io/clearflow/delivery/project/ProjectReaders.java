package io.clearflow.delivery.project;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.util.EnumSet;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Which projects a reader may see, authorised by role and department. IT delivery (the roles of
 * {@code DeliveryAccess.READ}: developers, testers, QC, ops, IT managers, compliance, admins) reads every project. The
 * business side (business staff, process owners) reads a project when their department is one of its requesting
 * departments, or when they have a part in its case: its open milestone is in their inbox (a process owner approving
 * another department's 立项) or they completed or sent back one of its steps. Any other project answers 404 like a
 * project that does not exist, the platform's rule for another department's things: a 403 would tell which ids exist.
 */
@Component
class ProjectReaders {

    private static final Set<PlatformRole> READ_ALL = EnumSet.of(PlatformRole.DEVELOPER, PlatformRole.TESTER,
            PlatformRole.QC, PlatformRole.OPS, PlatformRole.IT_MANAGER, PlatformRole.COMPLIANCE, PlatformRole.ADMIN);

    private final ProjectRepository projects;
    private final MilestoneChecks checks;
    private final TaskService engineTasks;
    private final HistoryService history;

    ProjectReaders(ProjectRepository projects, MilestoneChecks checks, TaskService engineTasks,
                   HistoryService history) {
        this.projects = projects;
        this.checks = checks;
        this.engineTasks = engineTasks;
        this.history = history;
    }

    boolean readsAll(Member member) {
        return READ_ALL.stream().anyMatch(member::hasRole);
    }

    boolean mayRead(Member member, Project project) {
        return readsAll(member) || checks.requestingDepartments(project).contains(member.department())
                || hasPart(member, project);
    }

    /** The project if {@code member} may read it, else "not found" exactly as for an unknown id. */
    Project require(Member member, long id) {
        return projects.find(id).filter(p -> mayRead(member, p))
                .orElseThrow(() -> new NotFoundException("project", String.valueOf(id)));
    }

    private boolean hasPart(Member member, Project project) {
        if (project.caseId() == null) {
            return false;
        }
        boolean acted = history.createHistoricTaskInstanceQuery().processInstanceId(project.caseId())
                .taskInvolvedUser(member.userId()).count() > 0;
        // the inbox rule of the engine (assignee, candidate user or one of the member's groups), asked as a query:
        // WorkService.task answers with an exception, which would mark the reader's transaction rollback-only
        if (acted) {
            return true;
        }
        var open = engineTasks.createTaskQuery().processInstanceId(project.caseId()).or()
                .taskCandidateOrAssigned(member.userId());
        if (!member.candidateGroups().isEmpty()) {
            open = open.taskCandidateGroupIn(member.candidateGroups());
        }
        return open.endOr().count() > 0;
    }
}
