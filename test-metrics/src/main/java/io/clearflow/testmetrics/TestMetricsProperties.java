package io.clearflow.testmetrics;

import io.clearflow.testmetrics.gate.GateRuleSets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Test-metrics settings ({@code clearflow.test-metrics.*}).
 *
 * @param maxReportSize    largest report file (and largest ZIP upload); 413 beyond it
 * @param maxUnzippedSize  largest total of the files inside one ZIP (a ZIP bomb answers 413)
 * @param maxZipEntries    most report files in one ZIP
 * @param flakyWindow      runs of a version line looked at for status flips
 * @param ruleSets         quality-gate rule sets by name, added to the built-in ones ({@code default},
 *                         {@code smoke}, {@code delivery-entry}, {@code delivery-exit}); a configured set of a
 *                         built-in's name replaces it (see {@link GateRuleSets})
 */
@Validated
@ConfigurationProperties("clearflow.test-metrics")
public record TestMetricsProperties(DataSize maxReportSize, DataSize maxUnzippedSize,
                                    @Min(1) @Max(100_000) Integer maxZipEntries,
                                    @Min(2) @Max(100) Integer flakyWindow,
                                    @Valid Map<String, GateRuleSets.RuleSet> ruleSets) {

    public TestMetricsProperties {
        maxReportSize = maxReportSize == null ? DataSize.ofMegabytes(20) : maxReportSize;
        maxUnzippedSize = maxUnzippedSize == null ? DataSize.ofMegabytes(200) : maxUnzippedSize;
        maxZipEntries = maxZipEntries == null ? 5_000 : maxZipEntries;
        flakyWindow = flakyWindow == null ? 10 : flakyWindow;
        ruleSets = GateRuleSets.withBuiltIns(ruleSets);
    }
}
