package io.clearflow.testmetrics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defect figures: counts by phase found (in the seed's order), escape rate = production defects / all
 * defects, mean fix time over resolved defects, density = defects per thousand executable lines (from the
 * coverage reports), and test-case effectiveness = defects linked to a test case / executed test cases.
 */
public final class DefectMetrics {

    public static final List<String> PHASES = List.of("requirements", "design", "development", "integration",
            "acceptance", "production");

    public record Defect(String phase, String severity, boolean open, Instant createdAt, Instant resolvedAt,
                         String testCase) {
    }

    public record Figures(int total, int open, Map<String, Integer> byPhase, Double escapeRate, Duration meanFixTime,
                         Double densityPerKloc, Double caseEffectiveness) {
    }

    private DefectMetrics() {
    }

    /**
     * @param executableLines lines the coverage reports count (0 when unknown)
     * @param executedCases   executed test cases (0 when unknown)
     */
    public static Figures compute(List<Defect> defects, long executableLines, long executedCases) {
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        PHASES.forEach(p -> byPhase.put(p, 0));
        int open = 0, linked = 0, resolved = 0;
        long fixSeconds = 0;
        for (Defect d : defects) {
            byPhase.merge(d.phase(), 1, Integer::sum);
            if (d.open()) {
                open++;
            }
            if (d.testCase() != null) {
                linked++;
            }
            if (!d.open() && d.resolvedAt() != null && d.createdAt() != null && !d.resolvedAt().isBefore(d.createdAt())) {
                resolved++;
                fixSeconds += Duration.between(d.createdAt(), d.resolvedAt()).getSeconds();
            }
        }
        int total = defects.size();
        Double escape = total == 0 ? null : (double) byPhase.get("production") / total;
        Duration meanFix = resolved == 0 ? null : Duration.ofSeconds(fixSeconds / resolved);
        Double density = executableLines == 0 ? null : total * 1000.0 / executableLines;
        Double effectiveness = executedCases == 0 ? null : (double) linked / executedCases;
        return new Figures(total, open, byPhase, escape, meanFix, density, effectiveness);
    }
}
