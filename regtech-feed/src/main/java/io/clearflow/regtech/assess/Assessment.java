package io.clearflow.regtech.assess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The impact assessment of one regulatory item.
 *
 * @param state    {@code assessing} (departments at work), {@code deciding} (compliance to decide) or {@code closed}
 * @param decision   {@code demand}, {@code scenario} or {@code no-action} once decided; {@code not-relevant} when triage said so
 * @param scenarioId the governance scenario the decision opened, if it did
 */
public record Assessment(long id, long itemId, String caseId, String state, boolean relevant, String triageReason,
                         List<String> departments, LocalDate deadline, String decision, String decisionReason, Long demandId,
                         String triagedBy, Instant triagedAt, String decidedBy, Instant decidedAt, String scenarioId) {

    public boolean overdueOn(LocalDate today) {
        return !state.equals("closed") && deadline != null && deadline.isBefore(today);
    }
}
