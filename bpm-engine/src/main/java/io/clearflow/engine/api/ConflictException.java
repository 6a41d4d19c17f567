package io.clearflow.engine.api;

/** The request is valid but clashes with the current state (already claimed, already exists...); answered as 409. */
public class ConflictException extends RuntimeException {

    private final Object[] args;

    /** A message, preferably a bundle key whose text people read (with {@code args} for its placeholders). */
    public ConflictException(String message, Object... args) {
        super(message);
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** The values of the message's placeholders. */
    public Object[] args() {
        return args.clone();
    }
}
