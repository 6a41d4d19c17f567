package io.clearflow.demand.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** Text that, stripped of surrounding white space, matches {@code regexp}; missing does not. */
@Constraint(validatedBy = Stripped.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface Stripped {

    String regexp();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<Stripped, String> {

        private Pattern pattern;

        @Override
        public void initialize(Stripped annotation) {
            this.pattern = Pattern.compile(annotation.regexp());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && pattern.matcher(value.strip()).matches();
        }
    }
}
