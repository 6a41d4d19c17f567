package io.clearflow.testmetrics.metrics;

import io.clearflow.testmetrics.api.DoraReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DORA metrics from production deployments, changes and incidents (Spring-free).
 *
 * <ul>
 *   <li>deployment frequency: deployments per day over the period; bands as in the DORA 2024 report: elite on
 *       demand (≥ 1 per day), high ≥ 1 per week, medium ≥ 1 per month, low below;</li>
 *   <li>change lead time: median hours from a change's first commit to the deployment that shipped it;
 *       elite &lt; 1 day, high &lt; 1 week, medium &lt; 1 month, low beyond;</li>
 *   <li>change fail rate: failed deployments / deployments; ClearFlow's bands (the 2024 cluster values 5, 20, 10,
 *       40 % are not monotonic): elite ≤ 5 %, high ≤ 15 %, medium ≤ 30 %, low above;</li>
 *   <li>failed deployment recovery time: median hours from start to restoration of incidents caused by a failed
 *       deployment (all restored incidents when none names its deployment); elite &lt; 1 hour, high &lt; 1 day,
 *       medium &lt; 1 week, low beyond;</li>
 *   <li>deployment rework rate: unplanned fix deployments / deployments; DORA 2024 publishes no bands, so none.</li>
 * </ul>
 */
public final class DoraCalculator {

    public record Deployment(String key, Instant at, boolean succeeded, boolean rework) {
    }

    public record Change(Instant firstCommitAt, String deploymentKey) {
    }

    public record Incident(Instant startedAt, Instant restoredAt, String causedBy) {
    }

    private DoraCalculator() {
    }

    public static DoraReport compute(String system, Instant from, Instant until, List<Deployment> deployments,
                                     List<Change> changes, List<Incident> incidents) {
        double days = Math.max(1.0, Duration.between(from, until).toHours() / 24.0);
        List<DoraReport.Metric> metrics = new ArrayList<>();
        int n = deployments.size();
        double perDay = n / days;
        metrics.add(new DoraReport.Metric("deploymentFrequency", round(perDay), "per day",
                n == 0 ? "none" : perDay >= 1 ? "elite" : perDay >= 1 / 7.0 ? "high" : perDay >= 1 / 30.0 ? "medium" : "low",
                n + " deployments in " + Math.round(days) + " days",
                "tm.dora.basis.deploymentFrequency", List.<Object>of(n, Math.round(days))));

        Map<String, Instant> shipped = new java.util.HashMap<>();
        deployments.forEach(d -> shipped.put(d.key(), d.at()));
        List<Double> leadHours = new ArrayList<>();
        for (Change c : changes) {
            Instant at = c.deploymentKey() == null ? null : shipped.get(c.deploymentKey());
            if (at != null && !at.isBefore(c.firstCommitAt())) {
                leadHours.add(Duration.between(c.firstCommitAt(), at).toMinutes() / 60.0);
            }
        }
        Double lead = median(leadHours);
        metrics.add(new DoraReport.Metric("changeLeadTime", round(lead), "hours",
                lead == null ? "none" : lead < 24 ? "elite" : lead < 24 * 7 ? "high" : lead < 24 * 30 ? "medium" : "low",
                leadHours.size() + " shipped changes (median)", "tm.dora.basis.changeLeadTime", List.<Object>of(leadHours.size())));

        long failed = deployments.stream().filter(d -> !d.succeeded()).count();
        Double failRate = n == 0 ? null : 100.0 * failed / n;
        metrics.add(new DoraReport.Metric("changeFailRate", round(failRate), "%",
                failRate == null ? "none" : failRate <= 5 ? "elite" : failRate <= 15 ? "high" : failRate <= 30 ? "medium" : "low",
                failed + " of " + n + " deployments failed", "tm.dora.basis.changeFailRate", List.<Object>of(failed, n)));

        Set<String> failedKeys = new java.util.HashSet<>();
        deployments.stream().filter(d -> !d.succeeded()).forEach(d -> failedKeys.add(d.key()));
        List<Incident> restored = incidents.stream().filter(i -> i.restoredAt() != null).toList();
        List<Incident> fromFailures = restored.stream().filter(i -> i.causedBy() != null && failedKeys.contains(i.causedBy())).toList();
        List<Incident> basis = fromFailures.isEmpty() ? restored : fromFailures;
        List<Double> recovery = new ArrayList<>();
        basis.forEach(i -> recovery.add(Duration.between(i.startedAt(), i.restoredAt()).toMinutes() / 60.0));
        Double recover = median(recovery);
        metrics.add(new DoraReport.Metric("failedDeploymentRecoveryTime", round(recover), "hours",
                recover == null ? "none" : recover < 1 ? "elite" : recover < 24 ? "high" : recover < 24 * 7 ? "medium" : "low",
                recovery.size() + (fromFailures.isEmpty() ? " restored incidents (median)" : " incidents from failed deployments (median)"),
                fromFailures.isEmpty() ? "tm.dora.basis.recoveryRestored" : "tm.dora.basis.recoveryFromFailures",
                List.<Object>of(recovery.size())));

        long rework = deployments.stream().filter(Deployment::rework).count();
        Double reworkRate = n == 0 ? null : 100.0 * rework / n;
        metrics.add(new DoraReport.Metric("deploymentReworkRate", round(reworkRate), "%", "none",
                rework + " of " + n + " deployments were unplanned fixes", "tm.dora.basis.deploymentReworkRate",
                List.<Object>of(rework, n)));
        return new DoraReport(system, from, until, metrics, n);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
