package io.clearflow.bots.reconciliation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A statement as delivered by a source: its name there and its bytes. Identity is the SHA-256 of the content. */
public record IncomingDocument(String name, byte[] content) {

    public String contentHash() {
        return sha256(content);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
