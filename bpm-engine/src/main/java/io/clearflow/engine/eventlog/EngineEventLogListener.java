package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformEvent.Lifecycle;
import io.clearflow.engine.api.PlatformEvent.Scope;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableExceptionEvent;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.flowable.engine.delegate.event.FlowableCancelledEvent;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.runtime.Execution;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.job.api.Job;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

/**
 * Turns Flowable's engine events into event-log rows, inside the engine's transaction
 * ({@link #isFailOnException()} is true: if the row cannot be written the engine change rolls back).
 *
 * <p>User tasks are logged through their task events (schedule = arrival in an inbox, assign = claim,
 * complete = submit) and not again as activities, so each user task completes exactly once in the log.
 */
public class EngineEventLogListener implements FlowableEventListener {

    static final Set<FlowableEngineEventType> TYPES = Set.of(
            FlowableEngineEventType.PROCESS_STARTED,
            FlowableEngineEventType.PROCESS_COMPLETED,
            FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT,
            FlowableEngineEventType.PROCESS_COMPLETED_WITH_ERROR_END_EVENT,
            FlowableEngineEventType.PROCESS_CANCELLED,
            FlowableEngineEventType.ACTIVITY_STARTED,
            FlowableEngineEventType.ACTIVITY_COMPLETED,
            FlowableEngineEventType.ACTIVITY_CANCELLED,
            FlowableEngineEventType.TASK_CREATED,
            FlowableEngineEventType.TASK_ASSIGNED,
            FlowableEngineEventType.TASK_COMPLETED,
            FlowableEngineEventType.JOB_EXECUTION_FAILURE);

    private final EventLogWriter writer;
    private final OrgDirectory directory;
    private final Supplier<Clock> clock;

    public EngineEventLogListener(EventLogWriter writer, OrgDirectory directory, Supplier<Clock> clock) {
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event.getType() instanceof FlowableEngineEventType type)) {
            return;
        }
        switch (type) {
            case PROCESS_STARTED -> processStarted((FlowableEntityEvent) event);
            case PROCESS_COMPLETED, PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT, PROCESS_COMPLETED_WITH_ERROR_END_EVENT ->
                    processCompleted((FlowableEntityEvent) event);
            case PROCESS_CANCELLED -> processCancelled((FlowableCancelledEvent) event);
            case ACTIVITY_STARTED -> activity((FlowableActivityEvent) event, Lifecycle.START);
            case ACTIVITY_COMPLETED -> activity((FlowableActivityEvent) event, Lifecycle.COMPLETE);
            case ACTIVITY_CANCELLED -> activity((FlowableActivityEvent) event, Lifecycle.CANCEL);
            case TASK_CREATED -> taskCreated((TaskEntity) ((FlowableEntityEvent) event).getEntity());
            case TASK_ASSIGNED -> taskAssigned((TaskEntity) ((FlowableEntityEvent) event).getEntity());
            case TASK_COMPLETED -> taskCompleted((TaskEntity) ((FlowableEntityEvent) event).getEntity());
            case JOB_EXECUTION_FAILURE -> jobFailed(event);
            default -> { }
        }
    }

    private void processStarted(FlowableEntityEvent event) {
        // the event's entity is the first child execution, not the process instance itself
        Execution instance = (Execution) event.getEntity();
        String user = Authentication.getAuthenticatedUserId();
        write(instance.getProcessInstanceId(), ((ExecutionEntity) instance).getProcessDefinitionId(), Scope.PROCESS,
                null, null, null, null, Lifecycle.START, user, null, Map.of());
    }

    private void processCompleted(FlowableEntityEvent event) {
        Execution instance = (Execution) event.getEntity();
        write(instance.getProcessInstanceId(), ((ExecutionEntity) instance).getProcessDefinitionId(), Scope.PROCESS,
                null, null, null, null, Lifecycle.COMPLETE, Authentication.getAuthenticatedUserId(), null, Map.of());
    }

    private void processCancelled(FlowableCancelledEvent event) {
        // also fired for sub-scopes; only the process instance itself ends the case
        if (event.getExecutionId() != null && !event.getExecutionId().equals(event.getProcessInstanceId())) {
            return;
        }
        Map<String, String> attributes = event.getCause() == null ? Map.of() : Map.of("reason", String.valueOf(event.getCause()));
        write(event.getProcessInstanceId(), event.getProcessDefinitionId(), Scope.PROCESS, null, null, null, null,
                Lifecycle.CANCEL, Authentication.getAuthenticatedUserId(), null, attributes);
    }

    private void activity(FlowableActivityEvent event, String lifecycle) {
        if ("userTask".equals(event.getActivityType())) {
            return;
        }
        write(event.getProcessInstanceId(), event.getProcessDefinitionId(), Scope.ACTIVITY, event.getActivityId(),
                event.getActivityName(), event.getActivityType(), null, lifecycle, Authentication.getAuthenticatedUserId(),
                null, Map.of());
    }

    private void taskCreated(TaskEntity task) {
        if (task.getProcessInstanceId() == null) {
            return; // stand-alone tasks are not part of any case
        }
        // arrival in an inbox: nobody acted yet, the department is the one whose inbox it entered
        String department = null;
        String role = null;
        for (IdentityLinkInfo link : task.getIdentityLinks()) {
            if (link.getGroupId() == null) {
                continue;
            }
            var unit = directory.unit(link.getGroupId());
            if (unit.isPresent() && unit.get().type() == OrgUnit.Type.DEPARTMENT && department == null) {
                department = link.getGroupId();
            } else if (unit.isPresent() && unit.get().type() == OrgUnit.Type.ROLE && role == null) {
                role = link.getGroupId();
            }
        }
        writer.record(row(task.getProcessInstanceId(), task.getProcessDefinitionId(), Scope.TASK,
                task.getTaskDefinitionKey(), task.getName(), "userTask", task.getId(), Lifecycle.SCHEDULE, null,
                null, role, department, Map.of()));
    }

    private void taskAssigned(TaskEntity task) {
        if (task.getProcessInstanceId() == null) {
            return;
        }
        Instant now = now();
        Map<String, String> attributes = new HashMap<>();
        if (task.getCreateTime() != null) {
            attributes.put("waitingMs", String.valueOf(Math.max(0, now.toEpochMilli() - task.getCreateTime().getTime())));
        }
        String lifecycle = task.getAssignee() == null ? Lifecycle.UNASSIGN : Lifecycle.ASSIGN;
        String resource = task.getAssignee() == null ? Authentication.getAuthenticatedUserId() : task.getAssignee();
        write(task.getProcessInstanceId(), task.getProcessDefinitionId(), Scope.TASK, task.getTaskDefinitionKey(),
                task.getName(), "userTask", task.getId(), lifecycle, resource, now, attributes);
    }

    private void taskCompleted(TaskEntity task) {
        if (task.getProcessInstanceId() == null) {
            return;
        }
        Instant now = now();
        var started = task.getClaimTime() != null ? task.getClaimTime() : task.getCreateTime();
        Map<String, String> attributes = started == null ? Map.of()
                : Map.of("handlingMs", String.valueOf(Math.max(0, now.toEpochMilli() - started.getTime())));
        String resource = Optional.ofNullable(Authentication.getAuthenticatedUserId()).orElse(task.getAssignee());
        write(task.getProcessInstanceId(), task.getProcessDefinitionId(), Scope.TASK, task.getTaskDefinitionKey(),
                task.getName(), "userTask", task.getId(), Lifecycle.COMPLETE, resource, now, attributes);
    }

    private void jobFailed(FlowableEvent event) {
        Job job = (Job) ((FlowableEntityEvent) event).getEntity();
        Map<String, String> attributes = new HashMap<>();
        attributes.put("jobId", job.getId());
        attributes.put("jobType", String.valueOf(job.getJobHandlerType()));
        attributes.put("retriesLeft", String.valueOf(job.getRetries()));
        if (event instanceof FlowableExceptionEvent failure && failure.getCause() != null) {
            attributes.put("error", String.valueOf(failure.getCause().getMessage()));
        }
        // dispatched while the job's transaction rolls back: the row must be written on its own
        writer.recordIndependently(row(job.getProcessInstanceId(), job.getProcessDefinitionId(), Scope.JOB,
                job.getElementId(), job.getElementName(), null, null, Lifecycle.FAIL, null, null, null, null, attributes));
    }

    /** A row by a person or bot: their first role and their department, from the directory's cache. */
    private void write(String caseId, String definitionId, Scope scope, String activityId, String activityName,
                       String activityType, String taskId, String lifecycle, String resource, Instant at,
                       Map<String, String> attributes) {
        Optional<Member> member = directory.member(resource);
        writer.record(row(caseId, definitionId, scope, activityId, activityName, activityType, taskId, lifecycle, at,
                resource, member.flatMap(m -> m.roles().stream().findFirst()).orElse(null),
                member.map(Member::department).orElse(null), attributes));
    }

    /** The row, made once: the definition's key and version come from the engine's deployment cache. */
    private PlatformEvent row(String caseId, String definitionId, Scope scope, String activityId, String activityName,
                              String activityType, String taskId, String lifecycle, Instant at, String resource,
                              String role, String department, Map<String, String> attributes) {
        String key = null;
        Integer version = null;
        if (definitionId != null) {
            ProcessDefinition definition = ProcessDefinitionUtil.getProcessDefinition(definitionId);
            key = definition.getKey();
            version = definition.getVersion();
        }
        return new PlatformEvent(null, UUID.randomUUID().toString(), caseId, key, version, definitionId, scope,
                activityId, activityName, activityType, taskId, lifecycle, at == null ? now() : at, resource, role,
                department, attributes);
    }

    private Instant now() {
        return clock.get().getCurrentTime().toInstant();
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
