package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.ProjectScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a cockpit covers: a department (IDM group id, {@code null} = all), a system code ({@code null} = all) and a
 * period of inclusive UTC days (either end open).
 */
public record CockpitFilter(String department, String system, LocalDate from, LocalDate to) {

    public static final CockpitFilter ALL = new CockpitFilter(null, null, null, null);

    public CockpitFilter withDepartment(String department) {
        return new CockpitFilter(department, system, from, to);
    }

    public CockpitFilter withSystem(String system) {
        return new CockpitFilter(department, system, from, to);
    }

    /** The start of the period as an instant, or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period, or null. */
    public Instant untilInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The projects this filter covers: those created in the period. */
    ProjectScope projects() {
        return new ProjectScope(department, system, fromInstant(), untilInstant());
    }
}
