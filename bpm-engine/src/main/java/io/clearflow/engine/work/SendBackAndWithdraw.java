package io.clearflow.engine.work;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.TaskActionLog;
import io.clearflow.engine.work.WorkService.Step;
import io.clearflow.engine.work.WorkService.Withdrawal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Moving a case backwards: sending a task back (打回) to a step that ran, withdrawing (回收) one's own step. */
@Component
class SendBackAndWithdraw {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskActionLog actions;
    private final TaskVisibility visibility;

    SendBackAndWithdraw(TaskService tasks, RuntimeService runtime, HistoryService history, TaskActionLog actions,
                        TaskVisibility visibility) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.actions = actions;
        this.visibility = visibility;
    }

    /** Steps of the task's case that already ran, the task's own step excluded, in the order they first ran. */
    List<Step> sendBackTargets(Member member, String taskId) {
        Task task = visibility.visibleTask(member, taskId);
        Map<String, Step> steps = new LinkedHashMap<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityType("userTask").finished().orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> {
                    if (!a.getActivityId().equals(task.getTaskDefinitionKey())) {
                        steps.putIfAbsent(a.getActivityId(), new Step(a.getActivityId(), a.getActivityName()));
                    }
                });
        return List.copyOf(steps.values());
    }

    /** The task's holder or a candidate may do it; the step comes back into the inbox it came from. */
    void sendBack(Member member, String taskId, String targetActivityId, String reason) {
        WorkInput.requireReason(reason);
        Task task = visibility.visibleTask(member, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(member.userId())) {
            throw new AccessDeniedException("denied.claimedByOther");
        }
        boolean ran = sendBackTargets(member, taskId).stream().anyMatch(s -> s.activityId().equals(targetActivityId));
        if (!ran) {
            throw new InvalidRequestException("task.sendBack.notVisited",
                    Map.of("targetActivityId", "task.sendBack.notVisitedStep"));
        }
        actions.record(task, PlatformEvent.Lifecycle.SEND_BACK, member,
                Map.of("reason", reason.strip(), "target", targetActivityId));
        ActingAs.member(member, () -> {
            tasks.addComment(taskId, task.getProcessInstanceId(), "send-back", reason.strip());
            runtime.createChangeActivityStateBuilder().processInstanceId(task.getProcessInstanceId())
                    .moveActivityIdTo(task.getTaskDefinitionKey(), targetActivityId).changeState();
        });
    }

    Optional<Withdrawal> withdrawal(Member member, String caseId) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(caseId).list();
        if (open.isEmpty() || open.stream().anyMatch(t -> t.getAssignee() != null)) {
            return Optional.empty();
        }
        var lastDone = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
        if (!lastDone.isEmpty()) {
            return member.userId().equals(lastDone.get(0).getAssignee())
                    ? Optional.of(Withdrawal.TAKE_BACK_STEP) : Optional.empty();
        }
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        return instance != null && member.userId().equals(instance.getStartUserId())
                ? Optional.of(Withdrawal.CANCEL_CASE) : Optional.empty();
    }

    /**
     * The person who completed the last step takes it back into their own hands; the initiator, before
     * anyone has acted, withdraws the whole case. Once the next step is claimed it is too late.
     */
    void withdraw(Member member, String caseId, String reason) {
        WorkInput.requireReason(reason);
        visibility.followedCase(member, caseId);
        List<Task> open = tasks.createTaskQuery().processInstanceId(caseId).list();
        if (open.stream().anyMatch(t -> t.getAssignee() != null)) {
            throw new ConflictException("task.withdraw.nextTaken");
        }
        Withdrawal withdrawal = withdrawal(member, caseId).orElseThrow(() -> new AccessDeniedException("denied.withdraw"));
        for (Task task : open) {
            actions.record(task, PlatformEvent.Lifecycle.WITHDRAW, member, Map.of("reason", reason.strip()));
        }
        ActingAs.member(member, () -> {
            if (withdrawal == Withdrawal.CANCEL_CASE) {
                runtime.deleteProcessInstance(caseId, "withdrawn: " + reason.strip());
                return;
            }
            var lastDone = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished()
                    .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).get(0);
            runtime.createChangeActivityStateBuilder().processInstanceId(caseId)
                    .moveActivityIdsToSingleActivityId(open.stream().map(Task::getTaskDefinitionKey).distinct().toList(),
                            lastDone.getTaskDefinitionKey())
                    .changeState();
            Task back = tasks.createTaskQuery().processInstanceId(caseId)
                    .taskDefinitionKey(lastDone.getTaskDefinitionKey()).singleResult();
            tasks.claim(back.getId(), member.userId());
        });
    }
}
