package io.clearflow.demand.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/** The name of one of an enum's constants, exactly; missing is not one of them. */
@Constraint(validatedBy = OneOf.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface OneOf {

    Class<? extends Enum<?>> value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<OneOf, String> {

        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(OneOf annotation) {
            this.type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
        }
    }
}
