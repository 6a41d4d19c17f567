package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.task.api.TaskInfo;
import org.springframework.stereotype.Component;

/**
 * Logs what people do to a task that the engine itself has no event for: sending it back (打回) or
 * withdrawing it (回收). Written in the caller's transaction, like the engine's own events.
 */
@Component
public class TaskActionLog {

    private final EventLogWriter writer;
    private final RepositoryService repository;
    private final ProcessEngineConfiguration engine;

    public TaskActionLog(EventLogWriter writer, RepositoryService repository, ProcessEngineConfiguration engine) {
        this.writer = writer;
        this.repository = repository;
        this.engine = engine;
    }

    public void record(TaskInfo task, String lifecycle, Member actor, Map<String, String> attributes) {
        var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
        writer.record(new PlatformEvent(null, UUID.randomUUID().toString(), task.getProcessInstanceId(),
                definition.getKey(), definition.getVersion(), definition.getId(), PlatformEvent.Scope.TASK,
                task.getTaskDefinitionKey(), task.getName(), "userTask", task.getId(), lifecycle,
                engine.getClock().getCurrentTime().toInstant(), actor.userId(),
                actor.roles().stream().findFirst().orElse(null), actor.department(), attributes));
    }
}
