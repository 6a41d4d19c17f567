package io.clearflow.delivery.input;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.Map;

/**
 * A comment or reason as a flow's service takes it, so the page and the REST call get the same message: blank is
 * none (refused with {@code requiredKey} where a reason is needed), longer than {@code max} is refused with
 * {@code tooLongKey}, anything else is kept stripped. Each flow names its own message keys.
 */
public record FreeText(String requiredKey, String tooLongKey, int max) {

    public String check(String value, boolean required, String field) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequestException(requiredKey, Map.of(field, requiredKey));
            }
            return null;
        }
        if (value.length() > max) {
            throw new InvalidRequestException(tooLongKey, Map.of(field, tooLongKey));
        }
        return value.strip();
    }
}
