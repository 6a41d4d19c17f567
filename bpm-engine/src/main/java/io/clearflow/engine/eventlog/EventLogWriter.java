package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.PlatformEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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

    private static final Logger LOG = LoggerFactory.getLogger(EventLogWriter.class);

    private final EventLogRepository eventLog;
    private final ApplicationEventPublisher publisher;

    private final TransactionTemplate independent;
    private final ObjectProvider<CommittedEvents> committed;

    public EventLogWriter(EventLogRepository eventLog, ApplicationEventPublisher publisher,
                          PlatformTransactionManager transactions, ObjectProvider<CommittedEvents> committed) {
        this.eventLog = eventLog;
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
            eventLog.insert(List.of(event));
            notifyCommitted(List.of(event));
        }
        publisher.publishEvent(event);
    }

    /**
     * Writes a row that must outlive the caller's transaction: a failed job is reported while the
     * job's own transaction rolls back.
     */
    public void recordIndependently(PlatformEvent event) {
        independent.executeWithoutResult(status -> eventLog.insert(List.of(event)));
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

    private final class Batch implements TransactionSynchronization {
        private final List<PlatformEvent> events = new ArrayList<>();
        private int written;

        @Override
        public void beforeCommit(boolean readOnly) {
            // rows recorded by another beforeCommit hook after this one ran are written by the next call
            if (written < events.size()) {
                eventLog.insert(events.subList(written, events.size()));
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
