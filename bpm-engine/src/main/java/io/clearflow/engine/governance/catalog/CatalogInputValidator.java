package io.clearflow.engine.governance.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The catalog's input rules that an annotation on one field cannot say: a reason that depends on the
 * decision, text counted without surrounding white space, links that must point into the scenario, and
 * a form's fields taken together. Each refusal is reported on its field with a {@code {bundle key}}.
 */
public class CatalogInputValidator implements ConstraintValidator<CatalogInputValidator.Rules, Object> {

    @Constraint(validatedBy = CatalogInputValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Rules {
        String message() default "the input is invalid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private static final Pattern FIELD_KEY = Pattern.compile(FormDefinition.KEY);

    @Override
    public boolean isValid(Object input, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        if (input instanceof CatalogInputs.ModeChoice choice) {
            return modeChoice(choice, context);
        } else if (input instanceof CatalogInputs.Suitability suitability) {
            return suitability.suitable() || text(suitability.reason(), 2000)
                    || refuse(context, "{gov.error.suitabilityReason}", "reason");
        } else if (input instanceof CatalogInputs.Action action) {
            return action(action, context);
        } else if (input instanceof FormDefinition form) {
            return form(form, context);
        }
        throw new IllegalStateException("no catalog rules for " + input.getClass());
    }

    /** Overriding the recommended mode needs a reason; the message names the recommendation. */
    private static boolean modeChoice(CatalogInputs.ModeChoice choice, ConstraintValidatorContext context) {
        if (choice.mode() == null || !choice.overrides() || choice.reason() != null) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("recommendedMode", choice.recommended());
        return refuse(context, "{gov.error.overrideReason}", "reason");
    }

    private static boolean action(CatalogInputs.Action action, ConstraintValidatorContext context) {
        boolean valid = action.title() != null && text(action.title().strip(), 200) || refuse(context, "{gov.error.title}", "title");
        return (action.linkable().containsAll(action.feedbackIds())
                || refuse(context, "{gov.error.feedbackIds}", "feedbackIds")) && valid;
    }

    /** Per field (the list holds no nulls): a unique key, options for a select, a pattern that compiles. */
    private static boolean form(FormDefinition form, ConstraintValidatorContext context) {
        boolean valid = true;
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FormDefinition.Field f = form.fields().get(i);
            if (f.key() != null && FIELD_KEY.matcher(f.key()).matches() && !keys.add(f.key())) {
                context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("duplicateKey", f.key());
                valid = refuseField(context, "{gov.form.error.duplicateKey}", i, "key");
            }
            if ("select".equals(f.type()) && (f.options() == null || f.options().isEmpty())) {
                valid = refuseField(context, "{gov.form.error.options}", i, "options");
            }
            if (f.pattern() != null && !f.pattern().isEmpty() && !compiles(f.pattern())) {
                valid = refuseField(context, "{gov.form.error.pattern}", i, "pattern");
            }
        }
        return valid;
    }

    private static boolean compiles(String pattern) {
        if (pattern.length() > 500) {
            return false;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean text(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max;
    }

    private static boolean refuse(ConstraintValidatorContext context, String template, String field) {
        context.buildConstraintViolationWithTemplate(template).addPropertyNode(field).addConstraintViolation();
        return false;
    }

    private static boolean refuseField(ConstraintValidatorContext context, String template, int index, String property) {
        context.buildConstraintViolationWithTemplate(template).addPropertyNode("fields").addPropertyNode(property)
                .inIterable().atIndex(index).addConstraintViolation();
        return false;
    }
}
