package io.clearflow.mining.web;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.mining.ingest.IngestedLogs;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.platform.PlatformLogSource;
import io.clearflow.mining.store.LogStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds a log by its mining id: {@code platform}, {@code ingest-<name>} or an imported log's id; and lists those
 * ids.
 */
@Component
class LogResolver {

    private final LogStore store;
    private final PlatformLogSource platform;
    private final IngestedLogs ingested;

    LogResolver(LogStore store, PlatformLogSource platform, IngestedLogs ingested) {
        this.store = store;
        this.platform = platform;
        this.ingested = ingested;
    }

    EventLog resolve(String id, LogParameters parameters) {
        try {
            EventLog log = PlatformLogSource.ID.equals(id)
                    ? platform.load(new EventLogFilter(null, parameters.processKey(), null, null, null, null, null,
                            null, null))
                    : id.startsWith(IngestedLogs.ID_PREFIX) ? ingested.get(id.substring(IngestedLogs.ID_PREFIX.length()))
                    : store.get(id).log();
            return parameters.filter().apply(log);
        } catch (LogFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    EventLog resolve(String id) {
        return resolve(id, LogParameters.none());
    }

    /** The logs that can be mined: the platform's, the imported ones (newest first), the ingested ones. */
    List<LogEntry> entries() {
        List<LogEntry> entries = new ArrayList<>();
        entries.add(new LogEntry(PlatformLogSource.ID, "platform", "platform", null));
        imported().forEach(e -> entries.add(new LogEntry(e.id(), e.fileName(), "imported", e.importedAt())));
        ingestedIds().forEach(id -> entries.add(new LogEntry(id, id.substring(IngestedLogs.ID_PREFIX.length()),
                "ingested", null)));
        return entries;
    }

    /** The imported logs, newest first. */
    List<LogStore.Entry> imported() {
        return store.list();
    }

    /** The mining ids of the logs ingested from Kafka. */
    List<String> ingestedIds() {
        return ingested.names().stream().map(n -> IngestedLogs.ID_PREFIX + n).toList();
    }

    /** The whole log, or for the platform log the cases of one process when {@code processKey} is given. */
    EventLog resolve(String id, String processKey) {
        return resolve(id, processKey == null ? LogParameters.none() : LogParameters.none().withProcessKey(processKey));
    }
}
