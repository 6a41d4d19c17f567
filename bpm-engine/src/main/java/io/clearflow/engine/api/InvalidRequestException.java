package io.clearflow.engine.api;

import java.util.Map;

/** Input that breaks a business rule; answered as 400 problem details with the field errors. */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final Object[] args;

    public InvalidRequestException(String message) {
        this(message, Map.of());
    }

    public InvalidRequestException(String message, Map<String, String> fieldErrors) {
        this(message, fieldErrors, new Object[0]);
    }

    /** A message that is a bundle key with placeholders, filled in with {@code args} where it is read. */
    public InvalidRequestException(String message, Map<String, String> fieldErrors, Object... args) {
        super(message);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The values of the message's placeholders. */
    public Object[] args() {
        return args.clone();
    }
}
