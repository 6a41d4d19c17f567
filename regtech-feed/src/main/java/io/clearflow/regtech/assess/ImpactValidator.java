package io.clearflow.regtech.assess;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of an impact's two texts: each is required, and either one over 2000 characters is reported on
 * {@code processes}, where the form shows the length rule for both; that refusal outranks a missing
 * process text, so each field carries one message.
 */
public class ImpactValidator implements ConstraintValidator<ImpactValidator.Rules, ImpactInput> {

    @Constraint(validatedBy = ImpactValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "the impact has invalid fields";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(ImpactInput in, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (tooLong(in.processes()) || tooLong(in.systems())) {
            valid = refuse(context, "processes", "regtech.error.impactLength");
        } else if (blank(in.processes())) {
            valid = refuse(context, "processes", "regtech.error.processes");
        }
        if (blank(in.systems())) {
            valid = refuse(context, "systems", "regtech.error.systems");
        }
        return valid;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > 2000;
    }

    private static boolean refuse(ConstraintValidatorContext context, String field, String key) {
        context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
