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

/**
 * Text people type into the portal: stored as typed (pages escape it), but bounded after stripping,
 * and with no control characters other than line breaks and tabs. The message is the bundle key of the
 * rule broken: {@code demand.error.required.<name>}, {@code demand.error.tooLong.<name>} or
 * {@code demand.error.control}.
 */
@Constraint(validatedBy = DemandText.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface DemandText {

    /** The field's name in the message keys, without row indexes ({@code tasks.title}). */
    String name();

    int max();

    boolean required() default true;

    String message() default "demand.error.control";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<DemandText, String> {

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
        private DemandText text;

        @Override
        public void initialize(DemandText annotation) {
            this.text = annotation;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                return !text.required() || refuse(context, "demand.error.required." + text.name());
            }
            if (v.length() > text.max()) {
                return refuse(context, "demand.error.tooLong." + text.name());
            }
            return !CONTROL.matcher(v).find() || refuse(context, "demand.error.control");
        }

        static boolean refuse(ConstraintValidatorContext context, String key) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(key).addConstraintViolation();
            return false;
        }
    }
}
