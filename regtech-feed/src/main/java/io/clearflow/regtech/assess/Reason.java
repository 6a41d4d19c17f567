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
 * The reason every triage and decision gives: required, at most 2000 characters. One rule rather than
 * {@code @NotBlank} and {@code @Size}, so that a blank over-long text reports the missing reason only.
 */
@Constraint(validatedBy = Reason.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface Reason {

    String message() default "regtech.error.reason";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<Reason, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return false;
            }
            if (value.length() > 2000) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("regtech.error.reasonLength").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
