package io.clearflow.bots.documents;

/**
 * One word as read, with its box on its page (pixels at the reading resolution; text-layer PDF points are scaled to
 * 300 dpi) and its confidence (0..1; 1 for a text layer). Tesseract reads Chinese as one-character words.
 */
public record Word(String text, int page, int x0, int y0, int x1, int y1, float confidence) {

    public int height() {
        return Math.max(1, y1 - y0);
    }

    double centreY() {
        return (y0 + y1) / 2.0;
    }
}
