package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;

/** Black and white from grey: Otsu's threshold, the binarised page, and speckle cleared from it. */
final class Binarisation {

    private Binarisation() {
    }

    static int otsuThreshold(BufferedImage grey) {
        long[] hist = new long[256];
        for (byte b : GreyImage.pixels(grey)) {
            hist[b & 0xff]++;
        }
        long total = GreyImage.pixels(grey).length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /** A black-and-white copy of the grey page: dark at or below the threshold. */
    static BufferedImage binarised(BufferedImage grey, int threshold) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(GreyImage.pixels(grey), 0, GreyImage.pixels(copy), 0, GreyImage.pixels(grey).length);
        binarise(copy, threshold);
        return copy;
    }

    static void binarise(BufferedImage grey, int threshold) {
        byte[] p = GreyImage.pixels(grey);
        for (int i = 0; i < p.length; i++) {
            p[i] = (p[i] & 0xff) <= threshold ? 0 : (byte) 255;
        }
    }

    /** Clears dark pixels with at most one dark neighbour: scanner speckle, not strokes. */
    static void despeckle(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = GreyImage.pixels(bw);
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (p[i] != 0) {
                    continue;
                }
                int dark = 0;
                for (int dy = -w; dy <= w; dy += w) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dy != 0 || dx != 0) && p[i + dy + dx] == 0) {
                            dark++;
                        }
                    }
                }
                if (dark <= 1) {
                    p[i] = (byte) 255;
                }
            }
        }
    }
}
