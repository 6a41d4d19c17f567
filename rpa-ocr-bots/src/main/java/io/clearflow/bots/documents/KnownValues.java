package io.clearflow.bots.documents;

import java.util.List;
import java.util.Locale;

/**
 * Correction of free text against a closed list of known values, e.g. a firm's counterparties from its own master
 * data. Free text has no pattern to correct it by ({@link LookAlikes} does not apply), but the names a firm deals with
 * are known in advance: a reading a character or two from exactly one of them is that name misread (chi_sim reads
 * 华泰证券 as 华泰证养). Only a close and unique match is taken, so a counterparty the list does not hold is left as
 * read: at most one edit per four characters of the known name, and strictly closer than any other known name.
 * Spacing and Latin case are not counted (OCR splits Chinese into one-character words). Spring-free.
 */
final class KnownValues {

    private KnownValues() { }

    /** The known value the reading stands for and what was changed; null when it is known as read or none is close. */
    static LookAlikes.Correction closest(String read, List<String> known) {
        if (read == null || known == null || known.isEmpty()) {
            return null;
        }
        String r = key(read);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String k : known) {
            String kk = key(k);
            // the whole distance (names are short): a distance cut off at a shorter name's limit would tie falsely
            int d = distance(r, kk, Integer.MAX_VALUE / 2);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !key(best).equals(kk)) {
                tie = true;
            }
        }
        if (best == null || tie || best.equals(read.strip())) {
            return null;
        }
        int allowed = Math.max(1, key(best).codePointCount(0, key(best).length()) / 4);
        if (bestDistance > allowed) {
            return null;
        }
        String how = bestDistance == 0 ? "spacing" : bestDistance + (bestDistance == 1 ? " character" : " characters") + " apart";
        return new LookAlikes.Correction(best, read.strip() + " → " + best + " (closest known value, " + how + ")");
    }

    private static String key(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance by code point, cut off at {@code limit} (anything farther counts as {@code limit}). */
    static int distance(String a, String b, int limit) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) >= limit) {
            return limit;
        }
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= y.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(limit, prev[y.length]);
    }
}
