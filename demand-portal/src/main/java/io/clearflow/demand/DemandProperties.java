package io.clearflow.demand;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demand portal settings ({@code clearflow.demand.*}).
 *
 * @param complianceCategories categories whose demands always pass compliance review, regulated or not
 * @param maxAttachments       files accepted with one submission
 * @param boardColumnLimit     cards per kanban column (newest first); the column header shows the full
 *                             count and a "show more" link pages through the rest
 */
@Validated
@ConfigurationProperties("clearflow.demand")
public record DemandProperties(Set<String> complianceCategories, @Min(0) @Max(20) Integer maxAttachments,
                               @Min(5) @Max(200) Integer boardColumnLimit) {

    public DemandProperties {
        complianceCategories = complianceCategories == null ? Set.of("REGULATORY", "CUSTOMER_DATA") : Set.copyOf(complianceCategories);
        maxAttachments = maxAttachments == null ? 5 : maxAttachments;
        boardColumnLimit = boardColumnLimit == null ? 50 : boardColumnLimit;
    }
}
