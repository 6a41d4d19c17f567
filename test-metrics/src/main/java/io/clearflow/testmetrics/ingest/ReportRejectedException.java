package io.clearflow.testmetrics.ingest;

/**
 * An upload that is not a readable report. The message names the problem without quoting content the
 * server read (beyond a short attribute value of the upload itself).
 */
public class ReportRejectedException extends RuntimeException {

    /** The HTTP status it answers: malformed (400), not a supported format (415), too large (413). */
    public enum Reason {
        MALFORMED(400), UNSUPPORTED(415), TOO_LARGE(413);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public ReportRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ReportRejectedException malformed(String message) {
        return new ReportRejectedException(Reason.MALFORMED, message);
    }

    /** A short, printable excerpt of an attribute value for a message. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String cleaned = value.replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{Zs}]", "?");
        return "'" + (cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned) + "'";
    }
}
