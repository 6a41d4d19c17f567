package io.clearflow.engine.metrics;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformEvent.Lifecycle;
import io.clearflow.engine.api.PlatformEvent.Scope;
import io.clearflow.engine.eventlog.CommittedEvents;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Process and task metrics, counted from committed event-log rows (a rolled-back start counts
 * nothing), all rows of a transaction in one pass after its commit. Names are stable: the Grafana dashboards in deploy/grafana query them.
 * <ul>
 *   <li>{@code clearflow.process.started|completed|cancelled} counters, tag {@code process}</li>
 *   <li>{@code clearflow.process.active} gauge per process, refreshed every 15 s</li>
 *   <li>{@code clearflow.task.waiting} (arrival to claim) and {@code clearflow.task.handling}
 *       (claim to completion) timers, tags {@code process} and {@code department} (the department of the
 *       person who claimed or completed the task; {@code none} for the engine)</li>
 *   <li>{@code clearflow.job.failed} counter, tag {@code process}</li>
 *   <li>{@code clearflow.job.deadletter} gauge: jobs whose retries ran out (Flowable's dead-letter table), refreshed
 *       with the running instances; anything above zero waits for a person (alert {@code ClearFlowDeadLetterJobs})</li>
 *   <li>{@code clearflow.eventlog.position} gauge: newest event-log position; minus
 *       {@code clearflow.outbox.position} it is the Kafka outbox lag</li>
 * </ul>
 */
@Component
class ProcessMetrics implements CommittedEvents {

    private final MeterRegistry meters;
    private final EngineGaugeQueries engine;
    private final EventLogRepository eventLog;
    private final MultiGauge active;
    private final java.util.concurrent.atomic.AtomicLong newest = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong deadLetters = new java.util.concurrent.atomic.AtomicLong();
    // registered once per name and process: building and registering a meter per event costs more than counting
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ProcessMetrics(MeterRegistry meters, EngineGaugeQueries engine, EventLogRepository eventLog) {
        this.meters = meters;
        this.engine = engine;
        this.eventLog = eventLog;
        this.active = MultiGauge.builder("clearflow.process.active")
                .description("running process instances").register(meters);
        io.micrometer.core.instrument.Gauge.builder("clearflow.eventlog.position", newest, java.util.concurrent.atomic.AtomicLong::get)
                .description("newest event-log position").register(meters);
        io.micrometer.core.instrument.Gauge.builder("clearflow.job.deadletter", deadLetters, java.util.concurrent.atomic.AtomicLong::get)
                .description("jobs whose retries ran out").register(meters);
    }

    /** Every row of a committed transaction, in one pass (a rolled-back start is never heard). */
    @Override
    public void committed(List<PlatformEvent> events) {
        events.forEach(this::count);
    }

    private void count(PlatformEvent event) {
        String process = event.processKey() == null ? "none" : event.processKey();
        if (event.scope() == Scope.PROCESS) {
            switch (event.lifecycle()) {
                case Lifecycle.START -> counter("clearflow.process.started", process).increment();
                case Lifecycle.COMPLETE -> counter("clearflow.process.completed", process).increment();
                case Lifecycle.CANCEL -> counter("clearflow.process.cancelled", process).increment();
                default -> { }
            }
        } else if (event.scope() == Scope.TASK) {
            if (Lifecycle.ASSIGN.equals(event.lifecycle())) {
                time("clearflow.task.waiting", process, department(event), event.attributes().get("waitingMs"));
            } else if (Lifecycle.COMPLETE.equals(event.lifecycle())) {
                time("clearflow.task.handling", process, department(event), event.attributes().get("handlingMs"));
            }
        } else if (event.scope() == Scope.JOB && Lifecycle.FAIL.equals(event.lifecycle())) {
            counter("clearflow.job.failed", process).increment();
        }
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 2_000)
    void refreshActive() {
        List<MultiGauge.Row<?>> rows = engine.runningInstances().stream()
                .<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("process", r.processKey()), r.count()))
                .toList();
        active.register(rows, true);
        newest.set(eventLog.newestPosition());
        deadLetters.set(engine.deadLetterJobs());
    }

    private static String department(PlatformEvent event) {
        return event.department() == null || event.department().isBlank() ? "none" : event.department();
    }

    private Counter counter(String name, String process) {
        return counters.computeIfAbsent(name + '\u0000' + process,
                k -> Counter.builder(name).tag("process", process).register(meters));
    }

    private void time(String name, String process, String department, String millis) {
        if (millis == null) {
            return;
        }
        timers.computeIfAbsent(name + '\u0000' + process + '\u0000' + department, k -> Timer.builder(name)
                        .tag("process", process).tag("department", department)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(30))
                        .register(meters))
                .record(Long.parseLong(millis), TimeUnit.MILLISECONDS);
    }
}
