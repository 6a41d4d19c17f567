package io.clearflow.regtech.fetch;

/** A source could not be fetched: refused by the guard, unreachable, too slow, too large or an HTTP error. */
public class FetchException extends Exception {

    private final String key;
    private final transient Object[] args;

    public FetchException(String message) {
        this(null, message, null);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
        this.args = new Object[0];
    }

    private FetchException(String key, String message, Object[] args) {
        super(message);
        this.key = key;
        this.args = args == null ? new Object[0] : args;
    }

    /**
     * A failure with a bundle key ({@code regtech.poll.error.*}) and its arguments, so the sources page
     * shows it in the reader's language; {@code english} stays the message for REST and the log.
     */
    public static FetchException keyed(String key, String english, Object... args) {
        return new FetchException(key, english, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
