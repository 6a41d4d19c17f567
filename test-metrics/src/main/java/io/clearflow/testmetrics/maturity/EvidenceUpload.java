package io.clearflow.testmetrics.maturity;

/** A file an assessor attaches to one indicator's answer; {@code content} is null when the file is over the limit. */
public record EvidenceUpload(String indicator, String fileName, String contentType, long size, byte[] content) {

    /** Largest evidence file (a screenshot, a PDF of a norm, an exported report). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
}
