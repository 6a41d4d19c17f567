package io.clearflow.engine.work;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.service.impl.persistence.entity.TaskEntityImpl;
import org.springframework.stereotype.Component;

/**
 * What a member may see: the shared precondition of every task and case operation (as Flowable's
 * {@code NeedsActiveTaskCmd} is of its task commands). Checked against the member's own department and
 * roles, so the engine is never called with ids the member may not see.
 */
@Component
class TaskVisibility {

    private final TaskService tasks;
    private final HistoryService history;

    TaskVisibility(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    /**
     * The task if the member may see it: they hold it, own it (delegated), or are one of its
     * candidates; candidates still see a task someone else claimed, so they get "already claimed" (403), not
     * "unknown". Anyone else gets 404, like a case that is not theirs. Checked against the member's cached groups.
     */
    Task visibleTask(Member member, String taskId) {
        // the task and its candidates in one query, not two
        Task task = tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult();
        if (task == null) {
            if (completedAndOffered(member, taskId)) {
                throw new ConflictException("task.alreadyCompleted");
            }
            throw new NotFoundException("open task", taskId);
        }
        if (member.userId().equals(task.getAssignee()) || member.userId().equals(task.getOwner())) {
            return task;
        }
        var groups = member.candidateGroups();
        boolean candidate = identityLinks(task).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> member.userId().equals(link.getUserId())
                        || (link.getGroupId() != null && groups.contains(link.getGroupId())));
        if (!candidate) {
            // as for a case that is not theirs: "not found", so an outsider cannot tell which task ids exist
            throw new NotFoundException("open task", taskId);
        }
        return task;
    }

    /** A visible task the member holds: hand-over needs the task in the member's own hands. */
    Task heldTask(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        if (!member.userId().equals(task.getAssignee())) {
            throw new ConflictException("task.handOver.claimFirst");
        }
        return task;
    }

    /** A case the member started or has a part in (privileged roles see every case); 404 otherwise. */
    HistoricProcessInstance followedCase(Member member, String caseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        if (instance == null || !mayFollow(member, instance)) {
            throw new NotFoundException("case", caseId);
        }
        return instance;
    }

    private boolean mayFollow(Member member, HistoricProcessInstance instance) {
        if (member.userId().equals(instance.getStartUserId())
                || member.hasRole(PlatformRole.ADMIN) || member.hasRole(PlatformRole.PROCESS_OWNER)
                || member.hasRole(PlatformRole.IT_MANAGER) || member.hasRole(PlatformRole.COMPLIANCE)) {
            return true;
        }
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskInvolvedUser(member.userId()).count() > 0
                || history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskCandidateGroupIn(member.candidateGroups()).count() > 0;
    }

    /** The links a task was read with ({@code includeIdentityLinks}); asked for separately only if it was not. */
    private List<? extends IdentityLinkInfo> identityLinks(Task task) {
        if (task instanceof TaskEntityImpl entity) {
            return entity.getQueryIdentityLinks();
        }
        try {
            return tasks.getIdentityLinksForTask(task.getId());
        } catch (FlowableObjectNotFoundException e) {
            // completed by someone else between our two reads
            throw new ConflictException("task.completedByOther");
        }
    }

    /** A finished task the member could have taken: a late second completion is a conflict, not "unknown". */
    private boolean completedAndOffered(Member member, String taskId) {
        var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished();
        return done.count() > 0 && (history.createHistoricTaskInstanceQuery().taskId(taskId)
                .taskInvolvedUser(member.userId()).count() > 0
                || history.createHistoricTaskInstanceQuery().taskId(taskId)
                .taskCandidateGroupIn(member.candidateGroups()).ignoreAssigneeValue().count() > 0);
    }
}
