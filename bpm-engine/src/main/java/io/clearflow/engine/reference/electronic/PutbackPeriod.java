package io.clearflow.engine.reference.electronic;

import java.time.LocalDate;

/**
 * The dates of a put-back registration, each already a valid day by its form field; their order is
 * {@link PutbackPeriodValidator}'s rule.
 */
@PutbackPeriodValidator.Rules
record PutbackPeriod(LocalDate registrationStart, LocalDate registrationEnd, LocalDate paymentDate) {
}
