package io.clearflow.engine.reference.electronic;

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
 * The order of a put-back's dates: registration closes no earlier than it opens, and the money is paid
 * after it closes. Each refusal is reported on its field, in the reader's language from the bundle.
 */
class PutbackPeriodValidator implements ConstraintValidator<PutbackPeriodValidator.Rules, PutbackPeriod> {

    @Constraint(validatedBy = PutbackPeriodValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "{modes.form.invalid}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(PutbackPeriod p, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (p.registrationEnd().isBefore(p.registrationStart())) {
            valid = DeclaredRules.refuse(context, "registrationEnd", "{modes.putback.error.endBeforeStart}");
        }
        if (!p.paymentDate().isAfter(p.registrationEnd())) {
            valid = DeclaredRules.refuse(context, "paymentDate", "{modes.putback.error.paymentAfterEnd}");
        }
        return valid;
    }
}
