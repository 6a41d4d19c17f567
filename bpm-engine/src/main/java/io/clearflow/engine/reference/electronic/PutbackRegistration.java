package io.clearflow.engine.reference.electronic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Business data of one put-back (回售) registration; its process holds only {@link #id()}. */
public record PutbackRegistration(long id, String caseId, String issuerName, String securityCode, String securityName,
                                  BigDecimal putbackPrice, LocalDate registrationStart, LocalDate registrationEnd,
                                  LocalDate paymentDate, String contactName, String contactPhone, String remarks,
                                  String submittedBy, String submitterDepartment, Status status, Instant createdAt) {

    /** Where the registration stands; {@code IN_REVIEW} until sign-off or a rejection. */
    public enum Status { IN_REVIEW, REGISTERED, REJECTED }

    /** One review opinion on the registration. */
    public record Review(String step, String stepName, String reviewer, String department, boolean approved,
                         String opinion, Instant reviewedAt) { }
}
