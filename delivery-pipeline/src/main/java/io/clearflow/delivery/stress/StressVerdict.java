package io.clearflow.delivery.stress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a stress test's results (no Spring: the rules and their numbers only). Four checks, each with the
 * measured value and the threshold it was held against:
 * <ul>
 *   <li>{@code capacity}: measured capacity (highest throughput of the peak-seeking runs, else of all runs) ÷ the
 *   historical peak TPS ≥ the system's capacity factor (CSRC Art. 48: 3);</li>
 *   <li>{@code bandwidth}: provisioned trading-hours bandwidth ≥ bandwidth factor (2) × last year's peak;</li>
 *   <li>{@code stability}: a stability run of ≥ 2 h (when the file has times), or the ≥ 2 h stability step of a
 *   whole-run file marked other ({@link PhaseSplit}), with an error rate ≤ the maximum;</li>
 *   <li>{@code regression}: capacity not lower and p95 not higher than the previous accepted report's by more than
 *   the tolerance (passes when there is no previous report, saying so).</li>
 * </ul>
 */
public final class StressVerdict {

    /** One check: value against threshold; {@code note} a message key explaining a missing input. */
    public record Check(String name, boolean passed, Double value, Double threshold, String note) { }

    public record Verdict(boolean passed, List<Check> checks, Double capacityTps, Double p95Ms) { }

    private StressVerdict() {
    }

    public static Verdict judge(Optional<SystemPeak> peak, List<StressResult> results, List<StressResult> previous) {
        List<Check> checks = new ArrayList<>();
        Optional<StressResult> capacityRun = capacityRun(results);
        Double capacity = capacityRun.map(StressResult::throughput).orElse(null);
        Double p95 = capacityRun.map(StressResult::p95Ms).orElse(null);
        if (peak.isEmpty() || peak.get().peakTps() <= 0) {
            checks.add(new Check("capacity", false, capacity, null, "delivery.stress.verdict.noPeak"));
            checks.add(new Check("bandwidth", false, null, null, "delivery.stress.verdict.noPeak"));
        } else {
            SystemPeak p = peak.get();
            if (capacity == null) {
                checks.add(new Check("capacity", false, null, p.capacityFactor(), "delivery.stress.verdict.noResults"));
            } else {
                double ratio = capacity / p.peakTps();
                checks.add(new Check("capacity", ratio >= p.capacityFactor(), ratio, p.capacityFactor(), null));
            }
            double required = p.bandwidthFactor() * p.peakBandwidthMbps();
            checks.add(new Check("bandwidth", p.bandwidthMbps() >= required, p.bandwidthMbps(), required, null));
        }
        double maxErrors = peak.map(SystemPeak::maxErrorRate).orElse(0.0);
        List<Double> stableErrorRates = new ArrayList<>();
        results.stream().filter(r -> r.phase() == Phase.STABILITY)
                .filter(r -> r.durationSeconds() == null || r.durationSeconds() >= Phase.STABILITY_SECONDS)
                .forEach(r -> stableErrorRates.add(r.errorRate()));
        // a whole run in one file (marked other): its stability step counts, with the step's exact error rate
        results.stream().filter(r -> r.phase() == Phase.OTHER).flatMap(r -> r.phases().stream())
                .filter(s -> s.phase() == Phase.STABILITY).forEach(s -> stableErrorRates.add(s.errorRate()));
        Optional<Double> stable = stableErrorRates.stream().min(Comparator.naturalOrder());
        if (stable.isEmpty()) {
            checks.add(new Check("stability", false, null, maxErrors, "delivery.stress.verdict.noStability"));
        } else {
            checks.add(new Check("stability", stable.get() <= maxErrors, stable.get(), maxErrors, null));
        }
        Optional<StressResult> before = capacityRun(previous);
        double tolerance = peak.map(SystemPeak::regressionTolerance).orElse(0.1);
        if (before.isEmpty() || capacity == null) {
            checks.add(new Check("regression", capacity != null, null, tolerance,
                    capacity == null ? "delivery.stress.verdict.noResults" : "delivery.stress.verdict.noPrevious"));
        } else {
            // the larger of the two relative losses: throughput down, latency up
            double lossCapacity = 1 - capacity / before.get().throughput();
            double lossLatency = before.get().p95Ms() <= 0 ? 0 : p95 / before.get().p95Ms() - 1;
            double loss = Math.max(lossCapacity, lossLatency);
            checks.add(new Check("regression", loss <= tolerance, loss, tolerance, null));
        }
        return new Verdict(checks.stream().allMatch(Check::passed), List.copyOf(checks), capacity, p95);
    }

    /** The run that shows the capacity: the highest-throughput peak-seeking run, or of all runs when none is marked. */
    static Optional<StressResult> capacityRun(List<StressResult> results) {
        List<StressResult> peaks = results.stream().filter(r -> r.phase() == Phase.PEAK).toList();
        return (peaks.isEmpty() ? results : peaks).stream().max(Comparator.comparingDouble(StressResult::throughput));
    }
}
