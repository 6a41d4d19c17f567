package io.clearflow.delivery.project.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code del_staff}: an intern or outsourced person of the HR resource pool.
 *
 * @param state onboarding, active, offboarding, left
 */
public record Staff(long id, String name, String kind, String vendor, String department, BigDecimal monthlyCost,
                    String state, String caseId, String createdBy, Instant createdAt, LocalDate leftOn) {

    public static final String ONBOARDING = "onboarding";
    public static final String ACTIVE = "active";
    public static final String OFFBOARDING = "offboarding";
    public static final String LEFT = "left";

    public String key() {
        return "HR-" + id;
    }
}
