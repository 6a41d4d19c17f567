package io.clearflow.regtech.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of announcements, Spring-free. Within a source two items are the same when their
 * normalised titles match and so do their GUIDs (or, without GUIDs, their links): FeedBurner gives
 * different announcements one GUID and link, and xml:base feeds give different entries one link, so
 * neither alone identifies an item. Across sources the same announcement has the same normalised
 * title and day, or near-identical titles (character-bigram Dice similarity ≥ 0.9) within a day.
 */
public final class Dedupe {

    private Dedupe() { }

    public static final double NEAR_IDENTICAL = 0.9;

    /** SHA-256 hex of the identity within a source. */
    public static String key(String normalisedTitle, String guid, String link) {
        String id = guid != null && !guid.isBlank() ? "g:" + guid.strip() : link != null ? "l:" + link : "-";
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(normalisedTitle.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dice coefficient over character bigrams (spaces ignored); 1 for equal strings. */
    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return similarity(bigrams(a), bigrams(b));
    }

    /** The sorted character bigrams of a normalised title (spaces ignored), computed once per title. */
    public static int[] bigrams(String s) {
        String x = s.replace(" ", "");
        if (x.length() < 2) {
            return new int[] {x.isEmpty() ? 0 : x.charAt(0)};
        }
        int[] g = new int[x.length() - 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = x.charAt(i) << 16 | x.charAt(i + 1);
        }
        java.util.Arrays.sort(g);
        return g;
    }

    /**
     * A title's bigrams with a 128-bit mask of them. Every bit set in one mask and not in the other
     * witnesses a bigram the other lacks, so the masks give a lower bound of the symmetric difference
     * and reject most pairs before the merge.
     */
    public record Signature(int[] grams, long low, long high) {
        public static Signature of(String normalisedTitle) {
            int[] g = bigrams(normalisedTitle);
            long lo = 0;
            long hi = 0;
            for (int x : g) {
                int h = (x * 0x9E3779B1) >>> 25; // 0..127
                if (h < 64) {
                    lo |= 1L << h;
                } else {
                    hi |= 1L << (h - 64);
                }
            }
            return new Signature(g, lo, hi);
        }
    }

    /** Whether two titles are near-identical (Dice ≥ 0.9), with the mask check first. */
    public static boolean nearIdentical(Signature a, Signature b) {
        int total = a.grams().length + b.grams().length;
        int differing = Long.bitCount(a.low() ^ b.low()) + Long.bitCount(a.high() ^ b.high());
        // Dice >= 0.9  <=>  |A symmetric-difference B| <= 0.1 (|A| + |B|)
        if (differing * 10 > total) {
            return false;
        }
        return similarity(a.grams(), b.grams()) >= NEAR_IDENTICAL;
    }

    /** Dice coefficient of two sorted bigram multisets, by merging: no allocation. */
    public static double similarity(int[] x, int[] y) {
        int total = x.length + y.length;
        int longer = Math.max(x.length, y.length);
        if ((longer - Math.min(x.length, y.length)) * 5 > longer) {
            return 0; // lengths too far apart to reach 0.9
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / total;
    }
}
