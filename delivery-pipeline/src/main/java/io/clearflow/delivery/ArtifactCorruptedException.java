package io.clearflow.delivery;

/**
 * The stored content of an artifact no longer matches its digest (disk damage, tampering): never served,
 * answered as a 500-class problem so that monitoring notices it.
 */
public class ArtifactCorruptedException extends RuntimeException {

    public ArtifactCorruptedException(String sha256) {
        super("artifact corrupted: stored content does not match sha256 " + sha256);
    }
}
