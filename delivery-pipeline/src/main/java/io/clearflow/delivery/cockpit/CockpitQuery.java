package io.clearflow.delivery.cockpit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The cockpit's query parameters as sent, blank ones absent; {@link CockpitQueryValidator} holds their rules and
 * {@link #filter()} reads a query that keeps them.
 */
@CockpitQueryValidator.Rules
record CockpitQuery(String department, String system, String from, String to) {

    /** Days before and after this range are typing mistakes, not periods anybody reviews. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    CockpitQuery {
        department = blankToNull(department);
        system = blankToNull(system);
        from = blankToNull(from);
        to = blankToNull(to);
    }

    CockpitFilter filter() {
        return new CockpitFilter(department, system, day(from), day(to));
    }

    /** An ISO day, null when absent; a {@link DateTimeParseException} when it is not one. */
    static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
