package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One demand's business data (table cf_demand). */
public record Demand(long id, String title, String description, String department, String requester, String category,
                     String businessValue, String urgency, boolean regulatory, String regulationRef,
                     LocalDate expectedDate, DemandState state, String caseId, String originType, String originRef,
                     Integer valueScore, BigDecimal estimateDays, BigDecimal actualDays, String priority,
                     String targetVersion, Instant submittedAt, Instant triagedAt, Instant deliveredAt,
                     Instant closedAt, int acceptanceRejections, String rejectReason) {
}
