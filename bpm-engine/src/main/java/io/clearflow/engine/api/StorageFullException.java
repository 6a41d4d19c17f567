package io.clearflow.engine.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A write failed because the disk or the quota of a store (data folder, artifact store, upload temp folder) is full:
 * answered {@code 507 Insufficient Storage} with a problem detail in the reader's language, not 500. Stores may throw it
 * themselves, after removing what they had half-written; the platform ({@code resilience.StorageFullResolver}) also
 * recognises the operating system's own {@link IOException} ({@code No space left on device}, {@code Disk quota
 * exceeded}) anywhere in a cause chain, so a store that lets that through still answers 507.
 */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String what, Throwable cause) {
        super(what + ": storage full", cause);
    }

    /** The disk-full failure in {@code failure}'s cause chain, if there is one. */
    public static Optional<Throwable> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageFullException || (t instanceof IOException && saysFull(t.getMessage()))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** ENOSPC and EDQUOT as the JDK words them on Linux (the message is the C library's {@code strerror}). */
    private static boolean saysFull(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("no space left on device") || m.contains("disk quota exceeded")
                || m.contains("not enough space on the disk");
    }
}
