package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.PlatformEvent;
import java.util.List;

/**
 * Hears the event-log rows of a transaction once it has committed, all of them in one call and in
 * log order: what needs every row but may count only committed work (the process metrics) reads
 * them in this one pass instead of through a transaction hook per event. A rolled-back transaction
 * is never heard. Called on the committing thread; implementations are quick and do not throw.
 */
public interface CommittedEvents {

    void committed(List<PlatformEvent> events);
}
