package io.clearflow.engine.reference.accountopening;

import java.time.Instant;
import java.util.List;

/**
 * One account-opening application (business data of the {@code accountOpening} process; the process
 * holds only {@link #id()}). {@code status}: submitted, checked (the bot reported), opened, rejected.
 * The ID-card image is served separately.
 */
public record AccountApplication(long id, String caseId, String applicant, String department, String name, String idNumber,
                                 String phone, String address, String imageType, int imageWidth, int imageHeight,
                                 String status, Boolean checkPassed, List<String> findings, String ocrName,
                                 String ocrIdNumber, Instant checkedAt, String decidedBy, Instant decidedAt,
                                 Instant createdAt, String accountNo) {
}
