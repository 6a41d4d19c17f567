package io.clearflow.regtech.assess;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.List;

/**
 * The rules of a triage that span fields: a relevant item goes to known departments (one to twelve) with a
 * deadline not before the firm's today. Each refusal is reported on its field with a bundle key.
 */
public class TriageValidator implements ConstraintValidator<TriageValidator.Rules, TriageInput> {

    @Constraint(validatedBy = TriageValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "the triage has invalid fields";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private final Clock clock;

    /** Built by Spring's validator factory, which injects the clock. */
    public TriageValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(TriageInput t, ConstraintValidatorContext context) {
        if (!Boolean.TRUE.equals(t.relevant())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        List<String> depts = t.departments();
        if (depts.isEmpty() || depts.size() > 12 || depts.stream().anyMatch(d -> !d.matches("dept-[a-z0-9-]{1,40}"))) {
            valid = refuse(context, "departments", "regtech.error.departments");
        }
        if (t.deadline() == null) {
            valid = refuse(context, "deadline", "regtech.error.deadline");
        } else if (t.deadline().isBefore(AssessmentChecks.today(clock))) {
            valid = refuse(context, "deadline", "regtech.error.deadlinePast");
        }
        return valid;
    }

    private static boolean refuse(ConstraintValidatorContext context, String field, String key) {
        context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
