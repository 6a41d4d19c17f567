package io.clearflow.mining.log;

/**
 * Input that is not a valid event log; the message says where (line) and what is wrong, in English for
 * logs and the API. {@link #reasonKey()} and {@link #reasonArgs()} say the same to a person through the
 * bundles ({@code mining.format.*}), so the upload page never shows the English text.
 */
public class LogFormatException extends RuntimeException {

    private final String reasonKey;
    private final transient Object[] reasonArgs;

    public LogFormatException(String message) {
        this(message, "mining.format.other");
    }

    public LogFormatException(String message, String reasonKey, Object... reasonArgs) {
        super(message);
        this.reasonKey = reasonKey;
        this.reasonArgs = reasonArgs.clone();
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] reasonArgs() {
        return reasonArgs.clone();
    }

    public LogFormatException(String message, Throwable cause) {
        super(message, cause);
        this.reasonKey = "mining.format.other";
        this.reasonArgs = new Object[0];
    }
}
