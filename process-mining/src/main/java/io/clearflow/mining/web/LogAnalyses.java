package io.clearflow.mining.web;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.calendar.WorkingTime;
import io.clearflow.mining.heuristics.HeuristicsMiner;
import io.clearflow.mining.heuristics.HeuristicsNet;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.spectrum.PerformanceSpectrum;
import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.store.MiningProperties;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The analyses the API runs on a log or filtered slice, with the rules on their parameters. */
@Component
class LogAnalyses {

    static final int MAX_SPECTRUM_LINES = 100_000;

    private final LogResolver resolver;
    private final MiningProperties properties;
    private final WorkingTime workingTime;

    LogAnalyses(LogResolver resolver, MiningProperties properties, WorkingTime workingTime) {
        this.resolver = resolver;
        this.properties = properties;
        this.workingTime = workingTime;
    }

    /** An analysis that needs nothing but the log. */
    <T> T of(String id, LogParameters parameters, Function<EventLog, T> analysis) {
        return analysis.apply(resolver.resolve(id, parameters));
    }

    HeuristicsNet heuristics(String id, LogParameters parameters, double dependency, int positiveObservations,
                             double loopOne, double loopTwo) {
        HeuristicsMiner.Parameters chosen;
        try {
            chosen = new HeuristicsMiner.Parameters(dependency, positiveObservations, loopOne, loopTwo);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return HeuristicsMiner.mine(resolver.resolve(id, parameters), chosen);
    }

    MetricsReport metrics(String id, LogParameters parameters, String calendar) {
        return MetricsCalculator.compute(resolver.resolve(id, parameters), workingTime.measure(calendar));
    }

    /** @param sla null for the configured default */
    BottleneckReport bottlenecks(String id, LogParameters parameters, Duration sla, String calendar) {
        return BottleneckAnalyzer.analyze(resolver.resolve(id, parameters), sla != null ? sla : properties.defaultSla(),
                workingTime.measure(calendar));
    }

    SpectrumReport spectrum(String id, LogParameters parameters, String source, String target, int maxLines) {
        if (maxLines < 1 || maxLines > MAX_SPECTRUM_LINES) {
            throw new InvalidRequestException("mining.error.maxLines");
        }
        try {
            return PerformanceSpectrum.of(resolver.resolve(id, parameters), source, target, maxLines);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
