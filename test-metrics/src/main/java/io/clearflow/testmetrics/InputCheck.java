package io.clearflow.testmetrics;

import io.clearflow.engine.api.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bean Validation of an input record for every caller (page, REST, Java API): the record's annotations are the
 * rules, refusals are field → bundle key (the annotation's {@code {key}} message), so pages show them through
 * {@code Flash} and problem details translate them, both in the reader's language.
 */
public final class InputCheck {

    private InputCheck() {
    }

    public static void validate(Validator validator, Object input, String detailKey) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            Map<String, String> errors = new TreeMap<>();
            for (var v : violations) {
                String template = v.getMessageTemplate();
                errors.putIfAbsent(v.getPropertyPath().toString(), template.startsWith("{") && template.endsWith("}")
                        ? template.substring(1, template.length() - 1) : template);
            }
            throw new InvalidRequestException(detailKey, errors);
        }
    }
}
