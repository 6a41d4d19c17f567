package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;

/**
 * Prepares a scanned page for Tesseract: grey, deskew by projection profile ({@link PageSkew}), Otsu binarisation
 * ({@link Binarisation}), table rulings erased ({@link InkCleanup}), small print (150-200 dpi) enlarged before
 * binarising, then isolated dark pixels (speckle) removed. A 3x3 median before
 * binarising cleaned no better and cost seconds per page.
 * Plain Java rather than Leptonica so it runs, and is tested, without the native library.
 */
public final class PagePreprocessor {

    /** Text lines lower than this (pixels) are enlarged before binarising: small print at 150-200 dpi. */
    static final int MIN_LINE_HEIGHT = 28;
    /** The line height small print is enlarged to, about 10 pt at 300 dpi. */
    static final double TARGET_LINE_HEIGHT = 40;

    /** The page ready for OCR, the skew it had, and the factor it was enlarged by (1 when it was not). */
    public record Prepared(BufferedImage image, double skewDegrees, double scale) {
        public Prepared(BufferedImage image, double skewDegrees) {
            this(image, skewDegrees, 1);
        }
    }

    public Prepared prepare(BufferedImage source) {
        BufferedImage grey = GreyImage.of(source);
        double skew = PageSkew.estimate(grey);
        if (Math.abs(skew) >= 0.1) {
            grey = GreyImage.rotate(grey, -skew);
        }
        int threshold = Binarisation.otsuThreshold(grey);
        BufferedImage bw = Binarisation.binarised(grey, threshold);
        InkCleanup.removeRules(bw);
        double lineHeight = medianLineHeight(bw);
        double scale = 1;
        if (lineHeight > 0 && lineHeight < MIN_LINE_HEIGHT) {
            // Tesseract and the binarisation lose thin strokes of small print; enlarging the grey page keeps them
            scale = Math.min(3.0, TARGET_LINE_HEIGHT / lineHeight);
            // thin strokes of small print are grey, not black (the 4 of a 150 dpi serif loses its diagonal): a third
            // of the way from Otsu's threshold to white keeps them, and is still far from paper noise
            bw = Binarisation.binarised(GreyImage.scale(grey, scale), threshold + (255 - threshold) / 3);
            InkCleanup.removeRules(bw);
        }
        Binarisation.despeckle(bw);
        InkCleanup.removeSpecks(bw, (int) Math.ceil((scale > 1 ? 4 : 2.5) * scale * scale));
        return new Prepared(bw, skew, scale);
    }

    /** The median height of the bands of rows holding ink (text lines), in pixels; 0 when there is no text. */
    static double medianLineHeight(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = GreyImage.pixels(bw);
        int minInk = Math.max(3, w / 100);
        java.util.List<Integer> heights = new java.util.ArrayList<>();
        int run = 0;
        for (int y = 0; y <= h; y++) {
            int ink = 0;
            if (y < h) {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    if (p[i] == 0) {
                        ink++;
                    }
                }
            }
            if (ink >= minInk) {
                run++;
            } else {
                if (run >= 5) {
                    heights.add(run);
                }
                run = 0;
            }
        }
        if (heights.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(heights);
        return heights.get(heights.size() / 2);
    }
}
