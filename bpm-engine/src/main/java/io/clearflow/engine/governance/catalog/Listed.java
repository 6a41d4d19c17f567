package io.clearflow.engine.governance.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** A value of one of the catalog's vocabularies; missing is none of them. The message may name them as {@code {values}}. */
@Constraint(validatedBy = Listed.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface Listed {

    In value();

    String message() default "{gov.error.oneOf}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum In {
        MODES(Vocabulary.MODES),
        IMPROVEMENT_STATES(Vocabulary.IMPROVEMENT_STATES),
        FORM_FIELD_TYPES(FormDefinition.TYPES);

        private final List<String> values;

        In(List<String> values) {
            this.values = values;
        }
    }

    class Rule implements ConstraintValidator<Listed, String> {

        private List<String> values;

        @Override
        public void initialize(Listed annotation) {
            this.values = annotation.value().values;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("values", values.toString());
            return value != null && values.contains(value);
        }
    }
}
