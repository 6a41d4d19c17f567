package io.clearflow.engine.work;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.TaskService;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Taking a task into one's hands, giving it back, and completing it. */
@Component
class TaskCompletion {

    private final TaskService tasks;
    private final TaskVisibility visibility;
    private final WorkViews views;

    TaskCompletion(TaskService tasks, TaskVisibility visibility, WorkViews views) {
        this.tasks = tasks;
        this.visibility = visibility;
        this.views = views;
    }

    TaskView claim(Member member, String taskId) {
        Task task = visibility.visibleTask(member, taskId);
        if (task.getAssignee() != null) {
            throw new ConflictException(task.getAssignee().equals(member.userId())
                    ? "you have already claimed this task" : "this task has already been claimed by someone else");
        }
        ActingAs.member(member, () -> tasks.claim(taskId, member.userId()));
        return WorkViews.withAssignee(views.task(task), member.userId());
    }

    TaskView unclaim(Member member, String taskId) {
        Task task = visibility.visibleTask(member, taskId);
        if (!member.userId().equals(task.getAssignee())) {
            throw new ConflictException("task.unclaim.notYours");
        }
        ActingAs.member(member, () -> tasks.unclaim(taskId));
        return views.task(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /**
     * Completes a task the member has claimed, or claims and completes in one step a task waiting in
     * their inbox. Two members completing the same task at once: one wins, the other gets a conflict.
     */
    void complete(Member member, String taskId, Map<String, Object> variables, String comment) {
        Map<String, Object> checked = WorkInput.checkVariables(variables);
        WorkInput.checkOptionalComment(comment);
        Task task = visibility.visibleTask(member, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(member.userId())) {
            throw new AccessDeniedException("denied.claimedByOther");
        }
        try {
            ActingAs.member(member, () -> {
                if (task.getAssignee() == null) {
                    tasks.claim(taskId, member.userId());
                }
                if (comment != null && !comment.isBlank()) {
                    tasks.addComment(taskId, task.getProcessInstanceId(), comment.strip());
                }
                if (task.getDelegationState() == DelegationState.PENDING) {
                    // a delegate's work goes back to the owner, who completes the step
                    tasks.resolveTask(taskId, checked);
                } else {
                    tasks.complete(taskId, checked);
                }
            });
        } catch (FlowableOptimisticLockingException | FlowableTaskAlreadyClaimedException
                 | FlowableObjectNotFoundException e) {
            // lost a race: the other completion committed between our read and our write
            throw new ConflictException("task.complete.concurrent");
        }
    }
}
