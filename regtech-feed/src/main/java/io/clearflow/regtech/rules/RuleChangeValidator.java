package io.clearflow.regtech.rules;

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
 * The rules of an edited topic rule, over whole lists and so reported on the list's field rather than a row:
 * 1 to 100 keywords of at most 80 characters without control characters, at most 12 known-shaped departments.
 */
public class RuleChangeValidator implements ConstraintValidator<RuleChangeValidator.Rules, RuleChange> {

    @Constraint(validatedBy = RuleChangeValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "regtech.error.rule";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private static final Pattern DEPARTMENT = Pattern.compile("dept-[a-z0-9-]{1,40}");

    @Override
    public boolean isValid(RuleChange rule, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (rule.keywords().isEmpty() || rule.keywords().size() > 100) {
            valid = refuse(context, "keywords", "regtech.error.keywords");
        } else if (rule.keywords().stream().anyMatch(k -> k.length() > 80 || k.chars().anyMatch(Character::isISOControl))) {
            valid = refuse(context, "keywords", "regtech.error.keywordLength");
        }
        if (rule.departments().size() > 12 || rule.departments().stream().anyMatch(d -> !DEPARTMENT.matcher(d).matches())) {
            valid = refuse(context, "departments", "regtech.error.departments");
        }
        return valid;
    }

    private static boolean refuse(ConstraintValidatorContext context, String field, String key) {
        context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
