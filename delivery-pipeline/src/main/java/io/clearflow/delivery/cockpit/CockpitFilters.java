package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns the cockpit's query parameters into a {@link CockpitFilter}: a department must be a known department, a
 * system a known system, dates ISO days ({@code 2026-01-31}) with {@code from} not after {@code to}; anything else
 * is a 400 naming the field, before any figure is read.
 */
@Component
class CockpitFilters {

    private final OrgDirectory directory;
    private final SystemCatalog systems;

    CockpitFilters(OrgDirectory directory, SystemCatalog systems) {
        this.directory = directory;
        this.systems = systems;
    }

    CockpitFilter parse(String department, String system, String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        String d = blankToNull(department);
        if (d != null && directory.unit(d).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            errors.put("department", "delivery.cockpit.error.department");
        }
        String s = blankToNull(system);
        if (s != null && systems.find(s).isEmpty()) {
            errors.put("system", "delivery.cockpit.error.system");
        }
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        if (f != null && t != null && f.isAfter(t)) {
            errors.put("to", "delivery.cockpit.error.period");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("delivery.cockpit.error.filter", errors);
        }
        return new CockpitFilter(d, s, f, t);
    }

    /** A year-end review's year: four digits, 2000–2100. */
    int year(String year) {
        try {
            int y = Integer.parseInt(year == null ? "" : year.trim());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("delivery.cockpit.error.filter", Map.of("year", "delivery.cockpit.error.year"));
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                errors.put(field, "delivery.cockpit.error.dateRange");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, "delivery.cockpit.error.date");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
