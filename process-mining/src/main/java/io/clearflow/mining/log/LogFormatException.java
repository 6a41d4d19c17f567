package io.clearflow.mining.log;

/** Input that is not a valid event log; the message says where (line) and what is wrong. */
public class LogFormatException extends RuntimeException {

    public LogFormatException(String message) {
        super(message);
    }

    public LogFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
