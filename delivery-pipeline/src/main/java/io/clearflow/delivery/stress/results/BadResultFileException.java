package io.clearflow.delivery.stress.results;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.Map;

/** A result file that is not one of the known formats or breaks its rules: 400 with {@code errors.file}. */
public class BadResultFileException extends InvalidRequestException {

    public BadResultFileException(String messageKey) {
        super(messageKey, Map.of("file", messageKey));
    }
}
