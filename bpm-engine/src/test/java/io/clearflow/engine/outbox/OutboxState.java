package io.clearflow.engine.outbox;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the database says: the event log (the outbox) and the relay's cursor in it. */
final class OutboxState {

    private final JdbcTemplate jdbc;
    private final EventLogRepository log;

    OutboxState(JdbcTemplate jdbc, EventLogRepository log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Last position the relay got acknowledged; 0 before its first round. */
    long cursor() {
        List<Long> cursor = jdbc.queryForList("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = ?", Long.class,
                KafkaOutboxRelay.RELAY);
        return cursor.isEmpty() ? 0 : cursor.get(0);
    }

    /** A case's rows in log order. */
    List<PlatformEvent> events(String caseId) {
        return log.find(EventLogFilter.none().withCaseId(caseId), 0, 1000);
    }

    long lastPosition() {
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM cf_event_log", Long.class);
        return last == null ? 0 : last;
    }
}
