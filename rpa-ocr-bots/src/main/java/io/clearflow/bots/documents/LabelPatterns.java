package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The patterns a field's label is found with in OCR text: exactly (modulo spacing and colon), or with one character off. */
final class LabelPatterns {

    private LabelPatterns() {
    }

    /** The label with any spacing between its characters, then an optional colon. */
    static Pattern labelPattern(String label) {
        StringBuilder sb = new StringBuilder();
        for (int cp : label.codePoints().filter(c -> !Character.isWhitespace(c)).toArray()) {
            if (cp == '.') {
                sb.append("\\.?");
            } else if (cp == '/') {
                sb.append("[/|Il1]"); // OCR reads a slash as I, l, 1 or | (AIC No. for A/C No.)
            } else {
                sb.append(Pattern.quote(new String(Character.toChars(cp))));
            }
            sb.append("\\s*");
        }
        sb.append("[:：]?\\s*");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * For Chinese labels of 4 or more characters: the label with one character misread or one extra character
     * inserted (成交人金额 for 成交金额), which OCR does to noisy scans. Null for other labels.
     */
    static Pattern fuzzyLabelPattern(String label) {
        int[] cps = label.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        if (cps.length < 4 || !java.util.Arrays.stream(cps).allMatch(TextLine::isCjk)) {
            return null;
        }
        List<String> variants = new ArrayList<>();
        for (int k = 0; k < cps.length; k++) {
            StringBuilder substituted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            for (int i = 0; i < cps.length; i++) {
                String c = Pattern.quote(new String(Character.toChars(cps[i])));
                substituted.append(i == k ? "\\p{IsHan}" : c).append("\\s*");
                inserted.append(c).append("\\s*");
                if (i == k && k < cps.length - 1) {
                    inserted.append("\\p{IsHan}\\s*");
                }
            }
            variants.add(substituted.toString());
            if (k < cps.length - 1) {
                variants.add(inserted.toString());
            }
        }
        return Pattern.compile("(?:" + String.join("|", variants) + ")[:：]?\\s*");
    }

    static String compact(String s) {
        return s.replaceAll("[\\s:：]", "");
    }
}
