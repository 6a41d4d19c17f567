package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.TaskActionLog;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/** Handing a held task on: delegating (委派, it comes back) or transferring (转办, for good). */
@Component
class TaskHandOver {

    private final TaskService tasks;
    private final TaskActionLog actions;
    private final OrgDirectory directory;
    private final TaskVisibility visibility;
    private final WorkViews views;

    TaskHandOver(TaskService tasks, TaskActionLog actions, OrgDirectory directory, TaskVisibility visibility,
                 WorkViews views) {
        this.tasks = tasks;
        this.actions = actions;
        this.directory = directory;
        this.visibility = visibility;
        this.views = views;
    }

    /** The colleague works on it and resolves it, and it comes back to the member to complete. */
    TaskView delegate(Member member, String taskId, String toUserId, String comment) {
        return handOver(member, taskId, toUserId, comment, PlatformEvent.Lifecycle.DELEGATE, tasks::delegateTask);
    }

    TaskView transfer(Member member, String taskId, String toUserId, String comment) {
        return handOver(member, taskId, toUserId, comment, PlatformEvent.Lifecycle.REASSIGN, tasks::setAssignee);
    }

    private TaskView handOver(Member member, String taskId, String toUserId, String comment, String lifecycle,
                              BiConsumer<String, String> engineCall) {
        Task task = visibility.heldTask(member, taskId);
        Member to = eligibleColleague(task, member, toUserId);
        actions.record(task, lifecycle, member, Map.of("to", to.userId()));
        ActingAs.member(member, () -> {
            addCommentIfAny(task, comment);
            engineCall.accept(taskId, to.userId());
        });
        return views.task(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /** Someone who may see the task anyway: a candidate of it, or in the holder's department. */
    private Member eligibleColleague(Task task, Member holder, String toUserId) {
        Member to = directory.member(toUserId).orElseThrow(() -> new InvalidRequestException("task.handOver.unknown",
                Map.of("userId", "task.handOver.unknown")));
        if (to.userId().equals(holder.userId())) {
            throw new InvalidRequestException("task.handOver.self", Map.of("userId", "task.handOver.self"));
        }
        boolean candidate = tasks.createTaskQuery().taskId(task.getId()).taskCandidateOrAssigned(to.userId())
                .ignoreAssigneeValue().count() > 0;
        if (!candidate && !Objects.equals(to.department(), holder.department())) {
            throw new InvalidRequestException("task.handOver.notEligible", Map.of("userId", "task.handOver.notEligible"));
        }
        return to;
    }

    private void addCommentIfAny(Task task, String comment) {
        if (comment != null && !comment.isBlank()) {
            WorkInput.checkOptionalComment(comment);
            tasks.addComment(task.getId(), task.getProcessInstanceId(), comment.strip());
        }
    }
}
