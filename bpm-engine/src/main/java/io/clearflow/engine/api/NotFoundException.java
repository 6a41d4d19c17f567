package io.clearflow.engine.api;

/** An id that names nothing the caller may see; answered as 404 problem details. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' not found");
    }
}
