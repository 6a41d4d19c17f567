package io.clearflow.bots.reconciliation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A statement as delivered by a source: its name there and its bytes. Identity is the SHA-256 of the
 * content; an empty file has no content to tell it apart, so its name stands in (every empty file would
 * otherwise pass for a duplicate of the first and never reach a person).
 */
public record IncomingDocument(String name, byte[] content) {

    public String contentHash() {
        return sha256(content.length == 0
                ? ("empty file: " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8) : content);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
