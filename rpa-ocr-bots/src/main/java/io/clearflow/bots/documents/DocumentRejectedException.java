package io.clearflow.bots.documents;

/**
 * A document that cannot be read at all (empty, corrupt, truncated, password-protected, too large, unknown format).
 * The reason is a stable code a person or a caller can act on; nothing is extracted from such a document.
 */
public class DocumentRejectedException extends RuntimeException {

    /** Why a document was refused. */
    public enum Reason { EMPTY, UNSUPPORTED_FORMAT, CORRUPT, PASSWORD_PROTECTED, TOO_LARGE }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
