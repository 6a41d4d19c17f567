package io.clearflow.mining.platform;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.store.MiningProperties;
import org.springframework.stereotype.Component;

/**
 * The platform's own event log as a mining log (reserved id {@value #ID}). Process-level rows are
 * left out, as in the engine's XES export; a task's id is its activity instance, so waiting and
 * handling pair the schedule, assign and complete of the same task.
 */
@Component
public class PlatformLogSource {

    public static final String ID = "platform";

    private final EventLogRepository repository;
    private final MiningProperties properties;

    PlatformLogSource(EventLogRepository repository, MiningProperties properties) {
        this.repository = repository;
        this.properties = properties;
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
