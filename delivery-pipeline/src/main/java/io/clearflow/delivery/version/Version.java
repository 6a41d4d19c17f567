package io.clearflow.delivery.version;

import java.time.Instant;
import java.time.LocalDate;

/** A version row of {@code del_version}. */
public record Version(long id, String system, String version, LocalDate plannedDate, String createdBy, Instant createdAt) {
}
