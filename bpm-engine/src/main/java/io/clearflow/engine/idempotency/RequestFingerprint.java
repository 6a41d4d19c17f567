package io.clearflow.engine.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two requests "the same" for an idempotency key: method, path with query, and the payload. A multipart
 * payload counts by its parts (name, file name, content) and not by its bytes, since a client library draws a new
 * boundary for every retry of the same upload.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(HttpServletRequest request, byte[] body) {
        MessageDigest digest = sha256();
        head(digest, request);
        field(digest, mediaType(request.getContentType()));
        field(digest, body);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the parts (the container keeps them for the handler); a part per field, order-independent. */
    static String ofParts(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        head(digest, request);
        List<Part> parts = new ArrayList<>(request.getParts());
        parts.sort(Comparator.comparing(Part::getName).thenComparing(p -> String.valueOf(p.getSubmittedFileName())));
        for (Part part : parts) {
            field(digest, part.getName());
            field(digest, String.valueOf(part.getSubmittedFileName()));
            MessageDigest content = sha256();
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    content.update(buffer, 0, n);
                }
            }
            field(digest, content.digest());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void head(MessageDigest digest, HttpServletRequest request) {
        field(digest, request.getMethod());
        field(digest, request.getRequestURI());
        field(digest, String.valueOf(request.getQueryString()));
    }

    /** The media type without parameters, lower-cased: {@code charset} spelling is not a different request. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private static void field(MessageDigest digest, byte[] value) {
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
