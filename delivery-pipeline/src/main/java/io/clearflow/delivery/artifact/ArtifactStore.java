package io.clearflow.delivery.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where artifact content lives, addressed by its SHA-256: the filesystem under the data folder by default
 * ({@link FileSystemArtifactStore}); an S3-compatible or Nexus/Artifactory store fits behind the same
 * methods. Content streams through in both directions: nothing here holds a whole artifact in memory.
 */
public interface ArtifactStore {

    /**
     * Streams the content into the store, hashing it while it is written. Refused, with nothing stored, when it
     * exceeds {@code maxBytes} ({@code ArtifactTooLargeException}) or when {@code expectedSha256} is given
     * and the content has another digest ({@link DigestMismatchException}).
     */
    Stored put(InputStream content, long maxBytes, String expectedSha256) throws IOException;

    /**
     * The content, verified against its digest before the first byte is handed out; a damaged file fails with
     * {@code ArtifactCorruptedException} instead of serving wrong bytes.
     */
    InputStream openVerified(String sha256) throws IOException;

    /** A file with the content on this machine (the embedded runner copies it), if the store keeps one. */
    Optional<Path> localFile(String sha256);

    /** Removes content that nothing refers to (an upload refused after it was stored). */
    void delete(String sha256) throws IOException;

    /**
     * @param created false when the same content was already stored (content addressing deduplicates)
     */
    record Stored(String sha256, long size, boolean created) {
    }

    /** The fetched content's digest is not the one announced. */
    class DigestMismatchException extends IOException {
        private final String actual;

        public DigestMismatchException(String actual) {
            super("content has sha256 " + actual);
            this.actual = actual;
        }

        public String actual() {
            return actual;
        }
    }
}
