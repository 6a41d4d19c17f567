package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG and TIFF with bounded memory: the dimensions are read from the header first, and an
 * image above {@link #MAX_DECODE_PIXELS} is decoded with subsampling so that the decoded raster stays
 * under it (a 100-megapixel image costs about 12 MB, not 400 MB). Anything absurd (a header claiming
 * more than {@link #MAX_HEADER_PIXELS}) is refused before any pixel is decoded.
 */
public final class ImageLoader {

    /** About an A4 page at 400 dpi: more than enough for OCR at 300 dpi. */
    public static final long MAX_DECODE_PIXELS = 16_000_000L;
    /** Beyond this a header is taken as a decompression bomb. */
    public static final long MAX_HEADER_PIXELS = 400_000_000L;

    public record Loaded(BufferedImage image, int originalWidth, int originalHeight, int subsampling) { }

    public Loaded load(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_FORMAT,
                        "not an image this service can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                long pixels = (long) w * h;
                if (w <= 0 || h <= 0) {
                    throw new DocumentRejectedException(DocumentRejectedException.Reason.CORRUPT, "image has no pixels");
                }
                if (pixels > MAX_HEADER_PIXELS) {
                    throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                            "image of " + w + "x" + h + " pixels is larger than " + MAX_HEADER_PIXELS / 1_000_000 + " megapixels");
                }
                int sub = 1;
                while (pixels / ((long) sub * sub) > MAX_DECODE_PIXELS) {
                    sub++;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (sub > 1) {
                    param.setSourceSubsampling(sub, sub, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new Loaded(image, w, h, sub);
            } finally {
                reader.dispose();
            }
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.CORRUPT,
                    "the image is corrupt or truncated: " + e.getMessage(), e);
        }
    }
}
