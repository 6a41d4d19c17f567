package io.clearflow.regtech.poll;

import io.clearflow.regtech.source.Source;
import io.clearflow.regtech.source.SourceRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-source health as Prometheus metrics (stable names): {@code clearflow.regtech.source.consecutive.failures},
 * {@code clearflow.regtech.source.last.success} (epoch seconds, 0 before the first success),
 * {@code clearflow.regtech.source.last.items} (gauges, tag {@code source}), and the counters
 * {@code clearflow.regtech.polls} (tags {@code source}, {@code outcome}: ok, not-modified, error) and
 * {@code clearflow.regtech.items.added} (tag {@code source}).
 */
@Component
public class SourceHealthMetrics {

    private final MeterRegistry registry;
    private final SourceRepository sources;
    private final Map<Long, Source> latest = new ConcurrentHashMap<>();

    public SourceHealthMetrics(MeterRegistry registry, SourceRepository sources) {
        this.registry = registry;
        this.sources = sources;
    }

    static String tag(Source s) {
        return s.code() != null ? s.code() : "source-" + s.id();
    }

    void polled(Source before, String outcome, int added) {
        Counter.builder("clearflow.regtech.polls").tag("source", tag(before)).tag("outcome", outcome).register(registry).increment();
        if (added > 0) {
            Counter.builder("clearflow.regtech.items.added").tag("source", tag(before)).register(registry).increment(added);
        }
        sources.find(before.id()).ifPresent(this::track);
    }

    /** Registers (once) and refreshes the gauges of a source. */
    public void track(Source s) {
        boolean first = latest.put(s.id(), s) == null;
        if (first) {
            long id = s.id();
            Gauge.builder("clearflow.regtech.source.consecutive.failures", latest, m -> m.get(id).consecutiveFailures())
                    .tag("source", tag(s)).register(registry);
            Gauge.builder("clearflow.regtech.source.last.success", latest,
                    m -> m.get(id).lastSuccessAt() == null ? 0 : m.get(id).lastSuccessAt().getEpochSecond())
                    .tag("source", tag(s)).register(registry);
            Gauge.builder("clearflow.regtech.source.last.items", latest,
                    m -> m.get(id).lastItems() == null ? 0 : m.get(id).lastItems()).tag("source", tag(s)).register(registry);
        }
    }
}
