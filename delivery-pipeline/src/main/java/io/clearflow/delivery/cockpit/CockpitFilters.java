package io.clearflow.delivery.cockpit;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns the cockpit's query parameters into a {@link CockpitFilter} by the rules of {@link CockpitQueryValidator};
 * anything else is a 400 naming the field, before any figure is read.
 */
@Component
class CockpitFilters {

    private final Validator validator;

    CockpitFilters(Validator validator) {
        this.validator = validator;
    }

    CockpitFilter parse(String department, String system, String from, String to) {
        return DeclaredRules.check(validator, new CockpitQuery(department, system, from, to),
                "delivery.cockpit.error.filter").filter();
    }

    /** A year-end review's year: four digits, 2000–2100. */
    int year(String year) {
        try {
            int y = Integer.parseInt(year == null ? "" : year.trim());
            if (y >= CockpitQuery.FIRST_YEAR && y <= CockpitQuery.LAST_YEAR) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("delivery.cockpit.error.filter", Map.of("year", "delivery.cockpit.error.year"));
    }
}
