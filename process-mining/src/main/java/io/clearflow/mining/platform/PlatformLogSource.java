package io.clearflow.mining.platform;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.store.MiningProperties;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The platform's own event log as a mining log (reserved id {@value #ID}). Process-level rows are
 * left out, as in the engine's XES export; a task's id is its activity instance, so waiting and
 * handling pair the schedule, assign and complete of the same task.
 */
@Component
public class PlatformLogSource {

    public static final String ID = "platform";

    /** A process of the platform log, named as its latest definition names it, with its number of cases. */
    public record PlatformProcess(String key, String name, long cases) { }

    private final EventLogRepository repository;
    private final MiningProperties properties;
    private final RepositoryService definitions;

    PlatformLogSource(EventLogRepository repository, MiningProperties properties, RepositoryService definitions) {
        this.repository = repository;
        this.properties = properties;
        this.definitions = definitions;
    }

    /**
     * The processes of the log, most cases first. A map of every process merged together means nothing to a reader,
     * so the pages analyse one process at a time, the most frequent one unless another is chosen.
     */
    public List<PlatformProcess> processes() {
        return repository.casesByProcess().stream()
                .map(p -> new PlatformProcess(p.processKey(), name(p.processKey()), p.cases()))
                .toList();
    }

    private String name(String key) {
        return Optional.ofNullable(definitions.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                        .singleResult())
                .map(ProcessDefinition::getName).filter(n -> !n.isBlank()).orElse(key);
    }

    /** Reads the rows the filter selects; refuses more than the configured event limit. */
    public EventLog load(EventLogFilter filter) {
        EventLogBuilder builder = new EventLogBuilder(ID);
        repository.streamByCase(filter, event -> {
            String activity = event.activityName() != null ? event.activityName() : event.activityId();
            if (event.scope() == PlatformEvent.Scope.PROCESS || activity == null) {
                return;
            }
            if (builder.size() >= properties.maxEvents()) {
                throw new LogFormatException("the platform log slice has more than " + properties.maxEvents()
                        + " events; narrow it with processKey");
            }
            builder.add(event.caseId(), activity, event.occurredAt().toEpochMilli(), event.resource(), event.department(), event.role(),
                    event.lifecycle(), event.taskId());
        });
        return builder.build();
    }
}
