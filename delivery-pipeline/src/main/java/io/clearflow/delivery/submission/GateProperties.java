package io.clearflow.delivery.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A test submission's quality gates ({@code clearflow.delivery.gates.*}).
 *
 * @param entry            test-metrics rule set of the entry criteria (准入), built in: {@code delivery-entry}
 *                         (tests executed &gt; 0, pass rate 100 %, no open error-level finding)
 * @param exit             test-metrics rule set of the exit criteria (准出), built in: {@code delivery-exit}
 *                         (no open defect of severity major or above); the tester's verdict is added to it here
 * @param entryPromotesTo  stage an artifact reaches when its submission passes entry
 * @param exitPromotesTo   stage it reaches when its submission passes exit; blank: none (production is reached
 *                         only through an approved change)
 * The stages themselves are the artifact store's ({@code clearflow.delivery.stages}).
 */
@Validated
@ConfigurationProperties("clearflow.delivery.gates")
public record GateProperties(String entry, String exit, String entryPromotesTo, String exitPromotesTo) {

    public GateProperties {
        entry = entry == null || entry.isBlank() ? "delivery-entry" : entry;
        exit = exit == null || exit.isBlank() ? "delivery-exit" : exit;
        entryPromotesTo = entryPromotesTo == null ? "test" : entryPromotesTo.strip();
        exitPromotesTo = exitPromotesTo == null ? "staging" : exitPromotesTo.strip();
    }
}
