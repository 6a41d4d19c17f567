package io.clearflow.regtech.fetch;

/** A source could not be fetched: refused by the guard, unreachable, too slow, too large or an HTTP error. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
