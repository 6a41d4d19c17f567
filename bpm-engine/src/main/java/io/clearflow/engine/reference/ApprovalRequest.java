package io.clearflow.engine.reference;

import java.math.BigDecimal;
import java.time.Instant;

/** Business data of one reference approval; the process instance holds only {@link #id()}. */
public record ApprovalRequest(long id, String caseId, String title, BigDecimal amount, String reason,
                              String requester, String department, Instant createdAt) {
}
