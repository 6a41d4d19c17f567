package io.clearflow.demand.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A workload in person-days: 0 to 10000 with at most one decimal. Missing when required:
 * {@code demand.error.required.<name>}; out of range: {@code demand.error.days}.
 */
@Constraint(validatedBy = Days.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface Days {

    String name();

    boolean required() default true;

    String message() default "demand.error.days";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<Days, BigDecimal> {

        private static final BigDecimal MAX_DAYS = new BigDecimal("10000");
        private Days days;

        @Override
        public void initialize(Days annotation) {
            this.days = annotation;
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return !days.required() || DemandText.Rule.refuse(context, "demand.error.required." + days.name());
            }
            return value.signum() >= 0 && value.compareTo(MAX_DAYS) <= 0 && value.stripTrailingZeros().scale() <= 1;
        }
    }
}
