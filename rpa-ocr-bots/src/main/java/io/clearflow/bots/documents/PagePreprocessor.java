package io.clearflow.bots.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Prepares a scanned page for Tesseract: grey, deskew by projection profile (the angle at which the rows of
 * ink are sharpest), Otsu binarisation, table rulings erased, small print (150-200 dpi) enlarged before binarising,
 * then isolated dark pixels (speckle) removed. A 3x3 median before
 * binarising cleaned no better and cost seconds per page.
 * Plain Java rather than Leptonica so it runs, and is tested, without the native library.
 */
public final class PagePreprocessor {

    static final double MAX_SKEW_DEGREES = 3.0;

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
        BufferedImage grey = toGrey(source);
        double skew = estimateSkew(grey);
        if (Math.abs(skew) >= 0.1) {
            grey = rotate(grey, -skew);
        }
        int threshold = otsuThreshold(grey);
        BufferedImage bw = binarised(grey, threshold);
        removeRules(bw);
        double lineHeight = medianLineHeight(bw);
        double scale = 1;
        if (lineHeight > 0 && lineHeight < MIN_LINE_HEIGHT) {
            // Tesseract and the binarisation lose thin strokes of small print; enlarging the grey page keeps them
            scale = Math.min(3.0, TARGET_LINE_HEIGHT / lineHeight);
            // thin strokes of small print are grey, not black (the 4 of a 150 dpi serif loses its diagonal): a third
            // of the way from Otsu's threshold to white keeps them, and is still far from paper noise
            bw = binarised(scale(grey, scale), threshold + (255 - threshold) / 3);
            removeRules(bw);
        }
        despeckle(bw);
        removeSpecks(bw, (int) Math.ceil((scale > 1 ? 4 : 2.5) * scale * scale));
        return new Prepared(bw, skew, scale);
    }

    private static BufferedImage binarised(BufferedImage grey, int threshold) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels(grey), 0, pixels(copy), 0, pixels(grey).length);
        binarise(copy, threshold);
        return copy;
    }

    static BufferedImage scale(BufferedImage grey, double factor) {
        int w = (int) Math.round(grey.getWidth() * factor);
        int h = (int) Math.round(grey.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * Erases table rulings from a binary page: dark runs longer than any glyph (a fifteenth of the page width, at
     * least 60 px), horizontal and vertical. Left in, Tesseract reads them as | [ _ — and splits or glues cells.
     */
    static void removeRules(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = pixels(bw);
        int minRun = Math.max(60, w / 15);
        boolean[] rule = new boolean[p.length];
        for (int y = 0; y < h; y++) {
            markRuns(p, rule, y * w, 1, w, minRun);
        }
        for (int x = 0; x < w; x++) {
            markRuns(p, rule, x, w, h, minRun);
        }
        for (int i = 0; i < p.length; i++) {
            if (rule[i]) {
                p[i] = (byte) 255;
                // the anti-aliased fringe of a ruling, a pixel either side
                for (int d : new int[] {-1, 1, -w, w}) {
                    int j = i + d;
                    if (j >= 0 && j < p.length && !rule[j]) {
                        p[j] = (byte) 255;
                    }
                }
            }
        }
    }

    /** Marks dark runs of at least {@code minRun} pixels along one line of pixels (gaps of up to 2 pixels bridged). */
    private static void markRuns(byte[] p, boolean[] rule, int start, int stride, int length, int minRun) {
        int runStart = -1;
        int lastDark = -10;
        for (int k = 0; k <= length; k++) {
            boolean dark = k < length && p[start + k * stride] == 0;
            if (dark) {
                if (k - lastDark > 3) {
                    if (runStart >= 0 && lastDark - runStart + 1 >= minRun) {
                        mark(rule, start, stride, runStart, lastDark);
                    }
                    runStart = k;
                }
                lastDark = k;
            }
        }
        if (runStart >= 0 && lastDark - runStart + 1 >= minRun) {
            mark(rule, start, stride, runStart, lastDark);
        }
    }

    private static void mark(boolean[] rule, int start, int stride, int from, int to) {
        for (int k = from; k <= to; k++) {
            rule[start + k * stride] = true;
        }
    }

    /**
     * Clears connected dark specks of at most {@code maxArea} pixels (8-connected): scanner dust, and speckle that
     * enlarging made bigger than a pixel. A full stop of 9 pt at 150 dpi, enlarged, is several times larger.
     */
    static void removeSpecks(BufferedImage bw, int maxArea) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = pixels(bw);
        boolean[] seen = new boolean[p.length];
        int[] stack = new int[maxArea + 2];
        int[] component = new int[maxArea + 1];
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0 || seen[i]) {
                continue;
            }
            // flood fill, giving up (leaving the component) once it is larger than a speck
            int top = 0;
            int size = 0;
            boolean large = false;
            stack[top++] = i;
            seen[i] = true;
            java.util.ArrayDeque<Integer> overflow = null;
            while (top > 0 || (overflow != null && !overflow.isEmpty())) {
                int j = top > 0 ? stack[--top] : overflow.pop();
                if (size <= maxArea) {
                    component[Math.min(size, maxArea)] = j;
                }
                size++;
                if (size > maxArea) {
                    large = true;
                }
                int x = j % w;
                int y = j / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                            continue;
                        }
                        int n = ny * w + nx;
                        if (p[n] == 0 && !seen[n]) {
                            seen[n] = true;
                            if (top < stack.length) {
                                stack[top++] = n;
                            } else {
                                if (overflow == null) {
                                    overflow = new java.util.ArrayDeque<>();
                                }
                                overflow.push(n);
                            }
                        }
                    }
                }
            }
            if (!large) {
                for (int k = 0; k < size; k++) {
                    p[component[k]] = (byte) 255;
                }
            }
        }
    }

    /** The median height of the bands of rows holding ink (text lines), in pixels; 0 when there is no text. */
    static double medianLineHeight(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = pixels(bw);
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

    public static BufferedImage toGrey(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return source;
        }
        BufferedImage grey = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(Color.WHITE); // transparent pixels become paper, not ink
        g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return grey;
    }

    static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    static BufferedImage median3(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] in = pixels(grey);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = pixels(out);
        int[] win = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    o[y * w + x] = in[y * w + x];
                    continue;
                }
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * w + x;
                    win[k++] = in[row - 1] & 0xff;
                    win[k++] = in[row] & 0xff;
                    win[k++] = in[row + 1] & 0xff;
                }
                o[y * w + x] = (byte) median9(win);
            }
        }
        return out;
    }

    private static int median9(int[] a) {
        // insertion sort of 9 values: cheaper than a general sort at this size
        for (int i = 1; i < 9; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[4];
    }

    public static int otsuThreshold(BufferedImage grey) {
        long[] hist = new long[256];
        for (byte b : pixels(grey)) {
            hist[b & 0xff]++;
        }
        long total = pixels(grey).length;
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

    /** Clears dark pixels with at most one dark neighbour: scanner speckle, not strokes. */
    static void despeckle(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = pixels(bw);
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

    static void binarise(BufferedImage grey, int threshold) {
        byte[] p = pixels(grey);
        for (int i = 0; i < p.length; i++) {
            p[i] = (p[i] & 0xff) <= threshold ? 0 : (byte) 255;
        }
    }

    /**
     * Skew in degrees (positive = text rises to the right... as seen in image coordinates): the angle whose
     * horizontal projection of dark pixels has the largest sum of squared differences between rows.
     * Searched on a sample of dark pixels, coarse then fine.
     */
    public static double estimateSkew(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] p = pixels(grey);
        int threshold = otsuThreshold(grey);
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
        for (double a = -MAX_SKEW_DEGREES; a <= MAX_SKEW_DEGREES + 1e-9; a += 0.25) {
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

    static BufferedImage rotate(BufferedImage grey, double degrees) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0), null);
        g.dispose();
        return out;
    }
}
