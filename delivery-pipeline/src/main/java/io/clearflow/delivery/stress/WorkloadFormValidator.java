package io.clearflow.delivery.stress;

import io.clearflow.engine.api.DeclaredRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The workload form's rules before the sample is read: a peak and a multiple that are numbers above zero within
 * their limits, and a sample file that is not empty. Each refusal is reported on its field with a bundle key.
 */
class WorkloadFormValidator implements ConstraintValidator<WorkloadFormValidator.Rules, WorkloadForm> {

    @Constraint(validatedBy = WorkloadFormValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "common.formErrors";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(WorkloadForm form, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (form.peak() == null || form.peak() == 0) {
            valid = DeclaredRules.refuse(context, "peakTps", "delivery.stress.error.required");
        }
        if (form.factor() == null || form.factor() == 0) {
            valid = DeclaredRules.refuse(context, "multiple", "delivery.stress.error.multiple");
        }
        if (form.file() == null || form.file().isEmpty()) {
            valid = DeclaredRules.refuse(context, "file", "delivery.stress.error.workloadEmpty");
        }
        return valid;
    }
}
