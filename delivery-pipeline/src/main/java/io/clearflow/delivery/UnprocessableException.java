package io.clearflow.delivery;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.Map;

/**
 * Well-formed input that names something that does not fit (an unknown system, a digest that does not
 * match what was fetched): answered 422 with the field errors, where plain bad input is 400.
 */
public class UnprocessableException extends InvalidRequestException {

    public UnprocessableException(String message, Map<String, String> fieldErrors) {
        super(message, fieldErrors);
    }
}
