package io.clearflow.bots.documents;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a field's label in a piece of text, tolerantly: with any spacing between its characters and an optional
 * (full- or half-width) colon, anywhere in the text (so {@code 手续费合计} holds {@code 手续费}); failing that, a Chinese
 * label of 4 or more characters with one character misread or inserted, or a Latin label of 6 or more letters within
 * an edit distance of 1 (2 from 10 letters) at the start of the text ({@code Partlcipant Code}). Spring-free.
 */
public final class LabelMatcher {

    /** Where a label was found: [start, end) of the text, end after any colon and spacing; quality 1 exact, less fuzzy. */
    public record Match(int start, int end, double quality) { }

    /** Quality of a fuzzy match, which multiplies the confidence of the value found after it. */
    static final double FUZZY = 0.9;
    /**
     * Quality of a Chinese label of 5 or more characters with two of them misread (衣收付净笑 for 应收付净额): low enough
     * that the value found after it is always flagged for a person (below the 0.75 threshold with any confidence).
     */
    static final double FUZZY_TWO = 0.74;

    private LabelMatcher() { }

    /** The label exactly (modulo spacing, case, colon), else fuzzily; null when absent. */
    public static Match find(String text, String label) {
        label = halfWidth(label);
        Matcher m = LabelPatterns.labelPattern(label).matcher(text);
        if (m.find()) {
            return new Match(m.start(), m.end(), 1.0);
        }
        Pattern fuzzy = LabelPatterns.fuzzyLabelPattern(label);
        if (fuzzy != null) {
            Matcher f = fuzzy.matcher(text);
            if (f.find()) {
                return new Match(f.start(), f.end(), FUZZY);
            }
            Pattern twoOff = twoMisread(label);
            Matcher t = twoOff == null ? null : twoOff.matcher(text);
            if (t != null && t.find()) {
                return new Match(t.start(), t.end(), FUZZY_TWO);
            }
            return null;
        }
        return latinFuzzy(text, label);
    }

    /** A Chinese label of 5 or more characters with any two of them misread, at the start of a cell; null otherwise. */
    static Pattern twoMisread(String label) {
        int[] cps = label.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        if (cps.length < 5 || !java.util.Arrays.stream(cps).allMatch(TextLine::isCjk)) {
            return null;
        }
        java.util.List<String> variants = new java.util.ArrayList<>();
        for (int a = 0; a < cps.length; a++) {
            for (int b = a + 1; b < cps.length; b++) {
                StringBuilder v = new StringBuilder();
                for (int i = 0; i < cps.length; i++) {
                    v.append(i == a || i == b ? "\\p{IsHan}" : Pattern.quote(new String(Character.toChars(cps[i])))).append("\\s*");
                }
                variants.add(v.toString());
            }
        }
        return Pattern.compile("^\\s*(?:" + String.join("|", variants) + ")[:：]?\\s*");
    }

    /** Full-width forms (：，１２３ＡＢ) as their ASCII twins, one char for one char so positions stay aligned. */
    public static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                sb.append(n.length() == 1 ? n.charAt(0) : c);
            } else if (c == 0x3000) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A Latin label at the start of the text (after any non-letters) within a small edit distance, letters compared only. */
    static Match latinFuzzy(String text, String label) {
        String want = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        if (want.length() < 6 || !label.chars().allMatch(c -> c < 128)) {
            return null;
        }
        int allowed = want.length() >= 10 ? 2 : 1;
        int start = 0;
        while (start < text.length() && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        // letters of the text from start, and where each ends in the text
        StringBuilder letters = new StringBuilder();
        int[] endAt = new int[want.length() + allowed + 1];
        for (int i = start; i < text.length() && letters.length() < endAt.length; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
                endAt[letters.length() - 1] = i + 1;
            } else if (c != ' ' && c != '.' && c != '-' && c != '/') {
                break;
            }
        }
        int bestLen = -1;
        int bestDistance = allowed + 1;
        for (int len = Math.max(1, want.length() - allowed); len <= Math.min(letters.length(), want.length() + allowed); len++) {
            int d = distance(want, letters.substring(0, len));
            if (d < bestDistance || (d == bestDistance && len == want.length())) {
                bestDistance = d;
                bestLen = len;
            }
        }
        if (bestLen < 0 || bestDistance > allowed) {
            return null;
        }
        int end = endAt[bestLen - 1];
        Matcher tail = Pattern.compile("\\.?\\s*[:：]?\\s*").matcher(text).region(end, text.length());
        if (tail.lookingAt()) {
            end = tail.end();
        }
        return new Match(start, end, FUZZY);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
