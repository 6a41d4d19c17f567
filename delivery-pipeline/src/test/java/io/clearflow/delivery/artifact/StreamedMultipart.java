package io.clearflow.delivery.artifact;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A multipart body with one part {@code file} around content produced as it is read, for tests and benchmarks that
 * upload over real HTTP without holding the file: the client never has more than a buffer of it.
 */
public final class StreamedMultipart {

    private final String boundary;

    public StreamedMultipart(String boundary) {
        this.boundary = boundary;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body's length for content of {@code size} bytes (for a Content-Length). */
    public long length(String fileName, long size) {
        return head(fileName).length + size + tail().length;
    }

    public InputStream body(String fileName, InputStream content) {
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head(fileName)), content, new ByteArrayInputStream(tail()))));
    }

    private byte[] head(String fileName) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] tail() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** HTTP Basic for a demo user (password {@code demo}). */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
