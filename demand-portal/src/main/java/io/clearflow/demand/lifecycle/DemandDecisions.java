package io.clearflow.demand.lifecycle;

import io.clearflow.demand.DemandProperties;
import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.Member;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The decisions on a demand: triage, compliance review, evaluation and the requester's business acceptance. */
@Component
class DemandDecisions {

    private final DemandTransitions transitions;
    private final DemandProperties properties;
    private final Clock clock;
    private final Validator validator;

    DemandDecisions(DemandTransitions transitions, DemandProperties properties, Clock clock, Validator validator) {
        this.transitions = transitions;
        this.properties = properties;
        this.clock = clock;
        this.validator = validator;
    }

    Demand triage(Member member, long id, boolean accepted, String reason) {
        Demand d = transitions.check(member, id, DemandAction.TRIAGE);
        String note = DemandInput.reason(validator, reason, !accepted);
        Instant now = clock.instant();
        boolean compliance = d.regulatory() || properties.complianceCategories().contains(d.category());
        DemandState to = !accepted ? DemandState.REJECTED
                : compliance ? DemandState.COMPLIANCE_REVIEW : DemandState.EVALUATION;
        DemandChange change = DemandChange.none().triaged(now);
        if (!accepted) {
            change.rejected(note, now);
        }
        return transitions.transition(member, d, DemandAction.TRIAGE, to, change, Map.of("accepted", accepted), note, now);
    }

    Demand complianceDecision(Member member, long id, boolean approved, String reason) {
        Demand d = transitions.check(member, id, DemandAction.COMPLIANCE);
        String note = DemandInput.reason(validator, reason, !approved);
        Instant now = clock.instant();
        DemandChange change = approved ? DemandChange.none() : DemandChange.none().rejected(note, now);
        return transitions.transition(member, d, DemandAction.COMPLIANCE,
                approved ? DemandState.EVALUATION : DemandState.REJECTED, change, Map.of("approved", approved), note, now);
    }

    Demand evaluate(Member member, long id, DemandInput.Evaluation evaluation) {
        Demand d = transitions.check(member, id, DemandAction.EVALUATE);
        DemandInput.Evaluation e = DemandInput.checked(validator, evaluation);
        DemandChange change = DemandChange.none()
                .evaluated(e.valueScore(), e.estimateDays(), e.priority(), e.targetVersion());
        return transitions.transition(member, d, DemandAction.EVALUATE, DemandState.SPLITTING, change, Map.of(),
                null, clock.instant()); // the figures are on the demand page in the reader's language
    }

    Demand acceptance(Member member, long id, boolean accepted, String reason) {
        Demand d = transitions.check(member, id, DemandAction.ACCEPTANCE);
        String note = DemandInput.reason(validator, reason, !accepted);
        Instant now = clock.instant();
        DemandChange change = accepted
                ? DemandChange.none().accepted(now, Duration.between(d.submittedAt(), now).toSeconds(),
                        d.expectedDate() == null ? null : onTime(d.deliveredAt(), d.expectedDate()))
                : DemandChange.none().acceptanceRejected(d.acceptanceRejections() + 1);
        return transitions.transition(member, d, DemandAction.ACCEPTANCE,
                accepted ? DemandState.DONE : DemandState.TRACKING, change, Map.of("businessAccepted", accepted), note, now);
    }

    static boolean onTime(Instant delivered, LocalDate expected) {
        return !delivered.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(expected);
    }
}
