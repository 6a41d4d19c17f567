package io.clearflow.delivery.submission;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A test submission's quality gates ({@code clearflow.delivery.gates.*}).
 *
 * @param entry            test-metrics rule set of the entry criteria (准入), built in: {@code delivery-entry}
 *                         (tests executed &gt; 0, pass rate 100 %, no open error-level finding)
 * @param exit             test-metrics rule set of the exit criteria (准出), built in: {@code delivery-exit}
 *                         (no open defect of severity major or above); the tester's verdict is added to it here
 * @param stages           the artifact stages in order, as the artifact store promotes them
 * @param entryPromotesTo  stage an artifact reaches when its submission passes entry
 * @param exitPromotesTo   stage it reaches when its submission passes exit; blank: none (production is reached
 *                         only by a deployment under an approved change)
 */
@Validated
@ConfigurationProperties("clearflow.delivery.gates")
public record GateProperties(String entry, String exit, List<@NotBlank String> stages, String entryPromotesTo,
                             String exitPromotesTo) {

    public GateProperties {
        entry = entry == null || entry.isBlank() ? "delivery-entry" : entry;
        exit = exit == null || exit.isBlank() ? "delivery-exit" : exit;
        stages = stages == null || stages.isEmpty() ? List.of("built", "test", "staging", "production") : List.copyOf(stages);
        entryPromotesTo = entryPromotesTo == null ? "test" : entryPromotesTo.strip();
        exitPromotesTo = exitPromotesTo == null ? "staging" : exitPromotesTo.strip();
    }

    /** The stage just before {@code stage}, or null when it is the first or unknown. */
    String before(String stage) {
        int i = stages.indexOf(stage);
        return i > 0 ? stages.get(i - 1) : null;
    }
}
