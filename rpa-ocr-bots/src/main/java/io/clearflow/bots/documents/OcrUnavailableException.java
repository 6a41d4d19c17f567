package io.clearflow.bots.documents;

/** A page needs OCR and this JVM has none ({@link OcrStatus}): not a bad document, a missing capability of the server. */
public class OcrUnavailableException extends RuntimeException {

    private final transient OcrStatus status;

    public OcrUnavailableException(OcrStatus status) {
        super("OCR is unavailable: " + status.reason() + "; install: " + status.remedy());
        this.status = status;
    }

    public OcrStatus status() {
        return status;
    }
}
