package io.clearflow.engine.reference.selfservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A participant's declaration and its live status; its process holds only {@link #id()}.
 * {@code reasons} says why it was not accepted automatically (codes of {@link DeclarationRules.Reason}).
 */
public record Declaration(long id, String caseId, String declarant, String kind, String securityCode, long quantity,
                          BigDecimal amount, LocalDate declareDate, String contactName, String contactPhone,
                          Status status, String statusLabel, List<String> reasons, String reviewComment,
                          String handledBy, Instant createdAt, Instant updatedAt) {

    /** The same declaration with its status in the reader's words. */
    Declaration withStatusLabel(String label) {
        return new Declaration(id, caseId, declarant, kind, securityCode, quantity, amount, declareDate, contactName,
                contactPhone, status, label, reasons, reviewComment, handledBy, createdAt, updatedAt);
    }

    /**
     * ACCEPTED: passed every field check and its case started (已受理); then AUTO_APPROVED by the
     * rules, or IN_REVIEW by 登记托管部 until APPROVED or REJECTED; WITHDRAWN by the declarant.
     */
    public enum Status {
        ACCEPTED, AUTO_APPROVED, IN_REVIEW, APPROVED, REJECTED, WITHDRAWN;

        public boolean isFinal() {
            return this == AUTO_APPROVED || this == APPROVED || this == REJECTED || this == WITHDRAWN;
        }
    }
}
