package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The rules of a cockpit query: a department must be a known department, a system a known system, dates ISO days
 * ({@code 2026-01-31}) within {@link CockpitQuery#FIRST_YEAR}–{@link CockpitQuery#LAST_YEAR} with {@code from} not
 * after {@code to}. Each refusal is reported on its field with a bundle key.
 */
class CockpitQueryValidator implements ConstraintValidator<CockpitQueryValidator.Rules, CockpitQuery> {

    @Constraint(validatedBy = CockpitQueryValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "delivery.cockpit.error.filter";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private final OrgDirectory directory;
    private final SystemCatalog systems;

    /** Built by Spring's validator factory, which injects the directory and the catalog. */
    CockpitQueryValidator(OrgDirectory directory, SystemCatalog systems) {
        this.directory = directory;
        this.systems = systems;
    }

    @Override
    public boolean isValid(CockpitQuery q, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (q.department() != null
                && directory.unit(q.department()).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            valid = DeclaredRules.refuse(context, "department", "delivery.cockpit.error.department");
        }
        if (q.system() != null && systems.find(q.system()).isEmpty()) {
            valid = DeclaredRules.refuse(context, "system", "delivery.cockpit.error.system");
        }
        String fromError = dayError(q.from());
        String toError = dayError(q.to());
        if (fromError != null) {
            valid = DeclaredRules.refuse(context, "from", fromError);
        }
        if (toError != null) {
            valid = DeclaredRules.refuse(context, "to", toError);
        }
        if (fromError == null && toError == null && q.from() != null && q.to() != null
                && CockpitQuery.day(q.from()).isAfter(CockpitQuery.day(q.to()))) {
            valid = DeclaredRules.refuse(context, "to", "delivery.cockpit.error.period");
        }
        return valid;
    }

    /** Why a day parameter is refused, or null when it is absent or a day in range. */
    private static String dayError(String value) {
        try {
            LocalDate day = CockpitQuery.day(value);
            return day == null || day.getYear() >= CockpitQuery.FIRST_YEAR && day.getYear() <= CockpitQuery.LAST_YEAR
                    ? null : "delivery.cockpit.error.dateRange";
        } catch (DateTimeParseException e) {
            return "delivery.cockpit.error.date";
        }
    }
}
