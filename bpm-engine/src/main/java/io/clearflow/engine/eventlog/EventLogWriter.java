package io.clearflow.engine.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.PlatformEvent;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes event-log rows in the caller's transaction. Rows of one transaction are collected and
 * written in one JDBC batch just before commit (in event order): the engine change and its log rows
 * commit or roll back together, at the price of one round trip instead of one per event.
 * Outside a transaction a row is written at once. After the commit, the {@link CommittedEvents}
 * (metrics) hear the transaction's rows in one call.
 */
@Component
public class EventLogWriter {

    static final int MAX_ATTRIBUTES_JSON = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(EventLogWriter.class);
    private static final String INSERT = "INSERT INTO cf_event_log (event_id, case_id, process_key, process_version, "
            + "process_definition_id, scope, activity_id, activity_name, activity_type, task_id, lifecycle, occurred_at, "
            + "resource, role, department, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher publisher;

    private final TransactionTemplate independent;
    private final ObjectProvider<CommittedEvents> committed;

    public EventLogWriter(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher publisher,
                          PlatformTransactionManager transactions, ObjectProvider<CommittedEvents> committed) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
        this.committed = committed;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(PlatformEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.events.add(event);
        } else {
            insert(List.of(event));
            notifyCommitted(List.of(event));
        }
        publisher.publishEvent(event);
    }

    /**
     * Writes a row that must outlive the caller's transaction: a failed job is reported while the
     * job's own transaction rolls back.
     */
    public void recordIndependently(PlatformEvent event) {
        independent.executeWithoutResult(status -> insert(List.of(event)));
        notifyCommitted(List.of(event));
        publisher.publishEvent(event);
    }

    private void notifyCommitted(List<PlatformEvent> events) {
        committed.orderedStream().forEach(listener -> {
            try {
                listener.committed(events);
            } catch (RuntimeException e) {
                // the work is committed: a listener's failure must not turn it into an error for the caller
                LOG.warn("{} failed on {} committed event-log rows", listener.getClass().getName(), events.size(), e);
            }
        });
    }

    private void insert(List<PlatformEvent> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), (ps, e) -> {
            ps.setString(1, e.eventId());
            ps.setString(2, e.caseId());
            ps.setString(3, e.processKey());
            if (e.processVersion() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, e.processVersion());
            }
            ps.setString(5, e.processDefinitionId());
            ps.setString(6, e.scope().value());
            ps.setString(7, e.activityId());
            ps.setString(8, truncate(e.activityName(), 255));
            ps.setString(9, e.activityType());
            ps.setString(10, e.taskId());
            ps.setString(11, e.lifecycle());
            ps.setTimestamp(12, Timestamp.from(e.occurredAt()));
            ps.setString(13, e.resource());
            ps.setString(14, e.role());
            ps.setString(15, e.department());
            ps.setString(16, attributesJson(e.attributes()));
        });
    }

    String attributesJson(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        try {
            String text = json.writeValueAsString(new java.util.TreeMap<>(attributes));
            if (text.length() <= MAX_ATTRIBUTES_JSON) {
                return text;
            }
            // keep it valid JSON: shorten every value rather than cutting the text
            Map<String, String> shorter = new java.util.TreeMap<>();
            int share = Math.max(16, MAX_ATTRIBUTES_JSON / (attributes.size() * 2));
            attributes.forEach((k, v) -> shorter.put(truncate(k, 64), truncate(v, share)));
            return json.writeValueAsString(shorter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event attributes not serialisable", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private final class Batch implements TransactionSynchronization {
        private final List<PlatformEvent> events = new ArrayList<>();
        private int written;

        @Override
        public void beforeCommit(boolean readOnly) {
            // rows recorded by another beforeCommit hook after this one ran are written by the next call
            if (written < events.size()) {
                insert(events.subList(written, events.size()));
                written = events.size();
            }
        }

        @Override
        public void afterCommit() {
            if (!events.isEmpty()) {
                notifyCommitted(List.copyOf(events));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventLogWriter.this);
        }
    }
}
