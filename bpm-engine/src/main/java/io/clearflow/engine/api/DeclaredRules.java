package io.clearflow.engine.api;

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

    private static <T> void fail(Set<ConstraintViolation<T>> violations, String message) {
        if (violations.isEmpty()) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        throw new InvalidRequestException(message, errors);
    }
}
