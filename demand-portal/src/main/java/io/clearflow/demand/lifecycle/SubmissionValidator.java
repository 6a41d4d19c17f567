package io.clearflow.demand.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a submitted demand that span fields: a regulatory demand names its regulation, and the
 * expected date is not before the day it is submitted. Each refusal is reported on its field.
 */
public class SubmissionValidator implements ConstraintValidator<SubmissionValidator.Rules, DemandInput.Submission> {

    @Constraint(validatedBy = SubmissionValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "demand.error.invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(DemandInput.Submission s, ConstraintValidatorContext context) {
        boolean valid = true;
        context.disableDefaultConstraintViolation();
        if (s.regulatory() && (s.regulationRef() == null || s.regulationRef().isBlank())) {
            refuse(context, "regulationRef", "demand.error.required.regulationRef");
            valid = false;
        }
        if (s.expectedDate() != null && s.expectedDate().isBefore(s.today())) {
            refuse(context, "expectedDate", "demand.error.expectedDate");
            valid = false;
        }
        return valid;
    }

    private static void refuse(ConstraintValidatorContext context, String field, String key) {
        context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
    }
}
