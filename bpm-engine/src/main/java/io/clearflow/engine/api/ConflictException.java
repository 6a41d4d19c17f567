package io.clearflow.engine.api;

/** The request is valid but clashes with the current state (already claimed, already exists...); answered as 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
