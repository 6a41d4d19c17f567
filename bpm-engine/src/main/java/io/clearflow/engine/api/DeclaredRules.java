package io.clearflow.engine.api;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a record against its Bean Validation constraints where the service is the boundary (pages,
 * REST and other modules' Java calls all come through it) and turns the violations into an
 * {@link InvalidRequestException}: field path → message, where the message is a bundle key the page
 * or the problem details resolve in the reader's language.
 */
public final class DeclaredRules {

    private DeclaredRules() {
    }

    /** The input unchanged when it keeps every rule; otherwise an {@link InvalidRequestException} with {@code message}. */
    public static <T> T check(Validator validator, T input, String message) {
        fail(validator.validate(input), message);
        return input;
    }

    /**
     * The rules of the given validation groups only: where rules are checked one after the other and each
     * refusal has its own {@code message}, as long as the earlier ones hold.
     */
    public static <T> T check(Validator validator, T input, String message, Class<?>... groups) {
        fail(validator.validate(input, groups), message);
        return input;
    }

    /** One property only, without cascading: a rule that must hold before the rest is worth checking. */
    public static <T> void checkProperty(Validator validator, T input, String property, String message) {
        fail(validator.validateProperty(input, property), message);
    }

    /**
     * The broken rules as field path → message, for a service that reports them together with refusals of its
     * own (an upload's checks) in one answer.
     */
    public static <T> Map<String, String> violations(Validator validator, T input) {
        return errors(validator.validate(input));
    }

    /**
     * For a cross-field validator: reports {@code message} on {@code field} instead of on the whole record, so the
     * refusal shows next to its field. Always false, the validator's answer for a broken rule.
     */
    public static boolean refuse(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }

    private static <T> void fail(Set<ConstraintViolation<T>> violations, String message) {
        if (violations.isEmpty()) {
            return;
        }
        throw new InvalidRequestException(message, errors(violations));
    }

    private static <T> Map<String, String> errors(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }
}
