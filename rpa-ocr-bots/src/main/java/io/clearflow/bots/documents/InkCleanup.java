package io.clearflow.bots.documents;

import java.awt.image.BufferedImage;

/** Ink on a binary page that is not text, erased: table rulings and dust-sized specks. */
final class InkCleanup {

    private InkCleanup() {
    }

    /**
     * Erases table rulings from a binary page: dark runs longer than any glyph (a fifteenth of the page width, at
     * least 60 px), horizontal and vertical. Left in, Tesseract reads them as | [ _ — and splits or glues cells.
     */
    static void removeRules(BufferedImage bw) {
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] p = GreyImage.pixels(bw);
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
        byte[] p = GreyImage.pixels(bw);
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
}
