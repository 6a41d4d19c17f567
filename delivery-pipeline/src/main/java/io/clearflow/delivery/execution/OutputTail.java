package io.clearflow.delivery.execution;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last part of a deployment's output, as {@link ExecutionListener} takes it: at most {@link #MAX_BYTES}
 * bytes of UTF-8, cut at a line start where one is near so the page does not begin mid-line or mid-character.
 */
public final class OutputTail {

    public static final int MAX_BYTES = 64 * 1024;

    private final byte[] buffer = new byte[MAX_BYTES];
    private int length;

    /** Appends text and keeps only the last {@link #MAX_BYTES} bytes. */
    public synchronized void append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= MAX_BYTES) {
            System.arraycopy(bytes, bytes.length - MAX_BYTES, buffer, 0, MAX_BYTES);
            length = MAX_BYTES;
            return;
        }
        int keep = Math.min(length, MAX_BYTES - bytes.length);
        System.arraycopy(buffer, length - keep, buffer, 0, keep);
        System.arraycopy(bytes, 0, buffer, keep, bytes.length);
        length = keep + bytes.length;
    }

    public synchronized String text() {
        return decode(buffer, length, length == MAX_BYTES);
    }

    /** The tail of a file (empty when it does not exist). */
    public static String ofFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            int length = (int) Math.min(size, MAX_BYTES);
            byte[] bytes = new byte[length];
            in.seek(size - length);
            in.readFully(bytes);
            return decode(bytes, length, size > MAX_BYTES);
        }
    }

    private static String decode(byte[] bytes, int length, boolean cut) {
        int start = 0;
        if (cut) {
            // a cut tail starts after the first line break in its first 4 KiB, else after any partial character
            int lineStart = -1;
            for (int i = 0; i < Math.min(length, 4096); i++) {
                if (bytes[i] == '\n') {
                    lineStart = i + 1;
                    break;
                }
            }
            if (lineStart >= 0) {
                start = lineStart;
            } else {
                while (start < length && (bytes[start] & 0xC0) == 0x80) {
                    start++;
                }
            }
        }
        return new String(bytes, start, length - start, StandardCharsets.UTF_8);
    }
}
