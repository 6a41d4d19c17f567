package io.clearflow.delivery.stress;

import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A system's peaks and the thresholds its stress tests are judged by (entered by ops and IT managers). */
@Component
class StressPeaks {

    private final SystemPeakRepository peaks;
    private final SystemCatalog systems;
    private final Clock clock;

    StressPeaks(SystemPeakRepository peaks, SystemCatalog systems, Clock clock) {
        this.peaks = peaks;
        this.systems = systems;
        this.clock = clock;
    }

    SystemPeak save(Member member, String system, double peakTps, double peakBandwidthMbps, double bandwidthMbps,
                    Double capacityFactor, Double bandwidthFactor, Double maxErrorRate, Double regressionTolerance) {
        if (systems.find(system).isEmpty()) {
            throw new NotFoundException("system", system);
        }
        // CSRC Art. 48 defaults: capacity ≥ 3 × peak, bandwidth ≥ 2 × last year's peak; no errors in stability
        peaks.save(new SystemPeak(system, peakTps, peakBandwidthMbps, bandwidthMbps,
                capacityFactor == null ? 3 : capacityFactor, bandwidthFactor == null ? 2 : bandwidthFactor,
                maxErrorRate == null ? 0 : maxErrorRate, regressionTolerance == null ? 0.1 : regressionTolerance),
                member.userId(), clock.instant());
        return peaks.find(system).orElseThrow();
    }

    Optional<SystemPeak> find(String system) {
        return peaks.find(system);
    }
}
