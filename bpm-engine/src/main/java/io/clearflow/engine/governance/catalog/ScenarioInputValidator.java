package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a scenario's identification that need more than an annotation: the name counted
 * without surrounding white space, the vocabularies, and the owner being a department of the
 * organisation. Each refusal is reported on its field with a bundle key ({@code gov.error.<field>}).
 */
public class ScenarioInputValidator implements ConstraintValidator<ScenarioInputValidator.Rules, ScenarioInput> {

    @Constraint(validatedBy = ScenarioInputValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Rules {
        String message() default "the scenario is incomplete or invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private final OrgDirectory directory;

    /** Built by Spring's validator factory, which injects the directory. */
    public ScenarioInputValidator(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean isValid(ScenarioInput in, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            valid = refuse(context, "name");
        }
        if (in.sourceType() == null || !Vocabulary.SOURCES.contains(in.sourceType())) {
            valid = refuse(context, "sourceType");
        }
        boolean department = in.ownerDepartment() != null && directory.unit(in.ownerDepartment())
                .filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isPresent();
        if (!department) {
            valid = refuse(context, "ownerDepartment");
        }
        if (in.businessCategory() == null || !Vocabulary.CATEGORIES.contains(in.businessCategory())) {
            valid = refuse(context, "businessCategory");
        }
        if (!Vocabulary.CHARACTERISTICS.containsAll(in.characteristics())) {
            valid = refuse(context, "characteristics");
        }
        return valid;
    }

    private static boolean refuse(ConstraintValidatorContext context, String field) {
        context.buildConstraintViolationWithTemplate("gov.error." + field).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
