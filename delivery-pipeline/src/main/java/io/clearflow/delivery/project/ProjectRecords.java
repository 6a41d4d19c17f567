package io.clearflow.delivery.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The rows a project gathers on its way, as the repositories return them (actors are user ids). */
final class ProjectRecords {

    record Evaluation(String businessValue, BigDecimal estimatedCost, String evaluatedBy, Instant evaluatedAt) { }

    record Decision(long id, String decision, String reason, String alternatives, String decidedBy, Instant decidedAt) { }

    record CommerceStep(long id, String step, BigDecimal amount, LocalDate occurredOn, String documents, String note,
                        Long costId, String recordedBy, Instant recordedAt) { }

    record Cost(long id, String kind, BigDecimal amount, LocalDate occurredOn, String description, String recordedBy,
                Instant recordedAt) { }

    record SurveyAnswer(long id, String department, int score, String comment, String answeredBy, Instant answeredAt) { }

    record RealisedValue(long id, LocalDate period, BigDecimal realised, String note, String recordedBy,
                         Instant recordedAt) { }

    private ProjectRecords() {
    }
}
