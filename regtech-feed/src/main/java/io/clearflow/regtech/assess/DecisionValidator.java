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
 * The rule of a decision that spans fields: a scenario names the department that will own it. Whether that is a
 * department, and the category, the catalog checks when it opens the scenario ({@link ScenarioOpening}).
 */
public class DecisionValidator implements ConstraintValidator<DecisionValidator.Rules, DecisionInput> {

    @Constraint(validatedBy = DecisionValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "the decision has invalid fields";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(DecisionInput d, ConstraintValidatorContext context) {
        if (!"scenario".equals(d.decision()) || d.scenarioDepartment() != null && !d.scenarioDepartment().isBlank()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("regtech.error.scenarioDepartment").addPropertyNode("scenarioDepartment")
                .addConstraintViolation();
        return false;
    }
}
