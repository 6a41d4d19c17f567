package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;

/** How far a scanned page is rotated, by projection profile: the angle at which the rows of ink are sharpest. */
final class PageSkew {

    static final double MAX_DEGREES = 3.0;

    private PageSkew() {
    }

    /**
     * Skew in degrees (positive = text rises to the right... as seen in image coordinates): the angle whose
     * horizontal projection of dark pixels has the largest sum of squared differences between rows.
     * Searched on a sample of dark pixels, coarse then fine.
     */
    static double estimate(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] p = GreyImage.pixels(grey);
        int threshold = Binarisation.otsuThreshold(grey);
        int step = Math.max(1, Math.max(w, h) / 1200); // sample: about 1200 px on the long side
        int count = 0;
        int[] xs = new int[1 << 16];
        int[] ys = new int[1 << 16];
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                if ((p[y * w + x] & 0xff) <= threshold) {
                    if (count == xs.length) {
                        xs = java.util.Arrays.copyOf(xs, count * 2);
                        ys = java.util.Arrays.copyOf(ys, count * 2);
                    }
                    xs[count] = x;
                    ys[count] = y;
                    count++;
                }
            }
        }
        if (count < 100) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.25) {
            double s = profileScore(xs, ys, count, a, h, step);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double centre = best;
        for (double a = centre - 0.25; a <= centre + 0.25 + 1e-9; a += 0.05) {
            double s = profileScore(xs, ys, count, a, h, step);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }

    private static double profileScore(int[] xs, int[] ys, int count, double degrees, int h, int step) {
        double t = Math.tan(Math.toRadians(degrees));
        int bins = h / step + 2 * (int) Math.ceil(Math.abs(t) * 20000 / step) + 2;
        int offset = bins / 2 - h / step / 2;
        long[] rows = new long[bins];
        for (int i = 0; i < count; i++) {
            int r = (int) Math.round((ys[i] - xs[i] * t) / step) + offset;
            if (r >= 0 && r < bins) {
                rows[r]++;
            }
        }
        double score = 0;
        for (int i = 1; i < bins; i++) {
            double d = rows[i] - rows[i - 1];
            score += d * d;
        }
        return score;
    }
}
