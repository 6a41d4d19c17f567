package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Which files may be attached to a task. The type is decided by the content (magic bytes), not by
 * the name or the declared content type, so a renamed executable is refused.
 */
@Component
public class AttachmentPolicy {

    /** An accepted file: its kind and the content type it is served with. */
    public record Kind(String extension, String contentType) { }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int MAX_NAME = 200;

    private final long maxBytes;

    AttachmentPolicy(@Value("${clearflow.attachments.max-size:10MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The kind of an acceptable file, or a clear refusal. */
    public Kind check(String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.length() > MAX_NAME || fileName.contains("/")
                || fileName.contains("\\")) {
            throw new InvalidRequestException("attachment.error.name", Map.of("file", "attachment.error.name"));
        }
        if (content.length == 0) {
            throw new InvalidRequestException("attachment.error.empty", Map.of("file", "attachment.error.empty"));
        }
        if (content.length > maxBytes) {
            throw new InvalidRequestException("attachment.error.size", Map.of("file", "attachment.error.size"));
        }
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind kind = switch (extension) {
            case "pdf" -> starts(content, PDF) ? new Kind("pdf", "application/pdf") : null;
            case "png" -> starts(content, PNG) ? new Kind("png", "image/png") : null;
            case "jpg", "jpeg" -> starts(content, JPEG) ? new Kind("jpg", "image/jpeg") : null;
            case "docx" -> starts(content, ZIP)
                    ? new Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document") : null;
            case "xlsx" -> starts(content, ZIP)
                    ? new Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : null;
            case "txt", "csv" -> utf8Text(content) ? new Kind(extension, "text/plain;charset=UTF-8") : null;
            default -> null;
        };
        if (kind == null) {
            throw new InvalidRequestException("attachment.error.type", Map.of("file", "attachment.error.type"));
        }
        return kind;
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean utf8Text(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
