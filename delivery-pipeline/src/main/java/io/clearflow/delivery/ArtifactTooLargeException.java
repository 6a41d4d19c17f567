package io.clearflow.delivery;

/** An artifact beyond {@code clearflow.delivery.max-upload-size}; answered 413. Nothing is stored. */
public class ArtifactTooLargeException extends RuntimeException {

    public ArtifactTooLargeException(long limitBytes) {
        super("delivery.error.tooLarge");
        this.limitBytes = limitBytes;
    }

    private final long limitBytes;

    public long limitBytes() {
        return limitBytes;
    }
}
