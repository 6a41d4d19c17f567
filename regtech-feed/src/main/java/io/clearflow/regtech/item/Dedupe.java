package io.clearflow.regtech.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

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
        String x = a.replace(" ", "");
        String y = b.replace(" ", "");
        if (x.length() < 2 || y.length() < 2) {
            return x.equals(y) ? 1 : 0;
        }
        int lengthGap = Math.abs(x.length() - y.length());
        if (lengthGap * 5 > Math.max(x.length(), y.length())) {
            return 0; // cannot reach 0.9
        }
        Map<Integer, Integer> grams = new HashMap<>();
        for (int i = 0; i < x.length() - 1; i++) {
            grams.merge(x.charAt(i) << 16 | x.charAt(i + 1), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i < y.length() - 1; i++) {
            int g = y.charAt(i) << 16 | y.charAt(i + 1);
            Integer n = grams.get(g);
            if (n != null && n > 0) {
                common++;
                grams.put(g, n - 1);
            }
        }
        return 2.0 * common / ((x.length() - 1) + (y.length() - 1));
    }
}
