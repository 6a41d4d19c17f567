package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformRole;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.flowable.engine.HistoryService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which part of the event log. Governance, IT management, compliance and admins read
 * all of it; everybody else reads their own department's events, plus every event of the cases
 * they started themselves (to follow their own requests end to end).
 */
@Service
public class EventLogService {

    public static final int MAX_PAGE_SIZE = 500;
    private static final List<PlatformRole> READ_ALL = List.of(PlatformRole.ADMIN, PlatformRole.PROCESS_OWNER,
            PlatformRole.IT_MANAGER, PlatformRole.COMPLIANCE);

    public record EventPage(List<PlatformEvent> content, int page, int size, long totalElements) { }

    private final EventLogRepository repository;
    private final HistoryService history;

    public EventLogService(EventLogRepository repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    @Transactional(readOnly = true)
    public EventPage find(Member reader, EventLogFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("eventlog.error.page", Map.of("size", "eventlog.error.pageSize"));
        }
        EventLogFilter visible = visibleSlice(reader, filter);
        return new EventPage(repository.find(visible, page * size, size), page, size, repository.count(visible));
    }

    @Transactional(readOnly = true)
    public void exportXes(Member reader, EventLogFilter filter, OutputStream out) throws XMLStreamException {
        EventLogFilter visible = visibleSlice(reader, filter);
        try (XesWriter xes = new XesWriter(out)) {
            repository.streamByCase(visible, event -> {
                try {
                    xes.write(event);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    EventLogFilter visibleSlice(Member reader, EventLogFilter filter) {
        if (READ_ALL.stream().anyMatch(reader::hasRole)) {
            return filter;
        }
        if (filter.caseId() != null && startedBy(filter.caseId(), reader.userId())) {
            return filter;
        }
        if (filter.department() != null && !filter.department().equals(reader.department())) {
            throw new AccessDeniedException("denied.eventLogDepartment");
        }
        return filter.withDepartment(reader.department());
    }

    private boolean startedBy(String caseId, String userId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).startedBy(userId).count() > 0;
    }
}
