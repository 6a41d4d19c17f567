package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded ID-card image must be: PNG or JPEG by its magic bytes (never by name or declared
 * type), at most {@code clearflow.account-opening.max-image-size} (5 MB), with a readable header and
 * at most 25 megapixels, so that the bot's OCR works in bounded memory.
 */
@Component
class IdCardImagePolicy {

    record Checked(String contentType, int width, int height) { }

    static final long MAX_PIXELS = 25_000_000L;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final long maxBytes;

    IdCardImagePolicy(@Value("${clearflow.account-opening.max-image-size:5MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    Checked check(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("accountOpening.error.image.empty");
        }
        if (content.length > maxBytes) {
            throw refused("accountOpening.error.image.size");
        }
        String type = startsWith(content, PNG) ? "image/png" : startsWith(content, JPEG) ? "image/jpeg" : null;
        if (type == null) {
            throw refused("accountOpening.error.image.type");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (!readers.hasNext()) {
                throw refused("accountOpening.error.image.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    throw refused("accountOpening.error.image.pixels");
                }
                return new Checked(type, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw refused("accountOpening.error.image.damaged");
        }
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException(message, Map.of("image", message));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
