package io.clearflow.engine.work;

import java.time.Instant;
import java.util.Date;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/** Maps the engine's tasks, cases, comments and attachments to the views the work API returns. */
@Component
class WorkViews {

    private final RuntimeService runtime;
    private final ProcessDefinitions definitions;

    WorkViews(RuntimeService runtime, ProcessDefinitions definitions) {
        this.runtime = runtime;
        this.definitions = definitions;
    }

    TaskView task(Task task) {
        String businessKey = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return task(task, businessKey);
    }

    TaskView task(Task task, String businessKey) {
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                task.getProcessDefinitionId() == null ? null : definitions.get(task.getProcessDefinitionId()).getKey(),
                task.getProcessDefinitionId() == null ? null : definitions.name(task.getProcessDefinitionId()),
                businessKey, task.getAssignee(), task.getOwner(), task.getDelegationState() == DelegationState.PENDING,
                instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    static TaskView withAssignee(TaskView v, String assignee) {
        return new TaskView(v.id(), v.name(), v.activityId(), v.caseId(), v.processKey(), v.processName(),
                v.businessKey(), assignee, v.owner(), v.delegated(), v.created(), v.due());
    }

    CaseView caseView(HistoricProcessInstance p) {
        String state = p.getEndTime() == null ? "active" : p.getDeleteReason() != null ? "cancelled" : "completed";
        return new CaseView(p.getId(), p.getProcessDefinitionKey(), definitions.name(p.getProcessDefinitionId()),
                p.getBusinessKey(), p.getStartUserId(), instant(p.getStartTime()), instant(p.getEndTime()), state,
                p.getEndActivityId());
    }

    static WorkService.Comment comment(org.flowable.engine.task.Comment c) {
        return new WorkService.Comment(c.getId(), c.getUserId(), instant(c.getTime()), c.getFullMessage());
    }

    static WorkService.Attachment attachment(org.flowable.engine.task.Attachment a) {
        return new WorkService.Attachment(a.getId(), a.getName(), a.getType(), a.getUserId(), instant(a.getTime()),
                a.getTaskId());
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
