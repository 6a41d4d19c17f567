package io.clearflow.bots.documents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers and dates whose separators OCR misread or dropped, read back when only one reading fits. Spring-free. */
final class SeparatorRepair {

    private static final Pattern LOST_POINT = Pattern.compile("(-?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+) ([0-9]{2})");
    private static final Pattern SPLIT_AMOUNT = Pattern.compile("^(-?)([0-9][0-9,. ]*?) ?[.,] ?([0-9]{2})(?![0-9A-Za-z])(?! ?[0-9])");
    private static final Pattern SPLIT_INTEGER = Pattern.compile("^[0-9]{1,3}(?:[ ,.]{1,2}[0-9]{3})+(?![0-9A-Za-z])(?![.,]? ?[0-9])");

    /**
     * A number of the field kind ({@code amount}, {@code signed-amount}, {@code integer}) whose separators OCR misread
     * or dropped, all its digits there: {@code 1534100 .96} is 1534100.96, {@code 421 900} is 421900. Null when the
     * text is no such number.
     */
    static String number(String kind, String text) {
        if ("amount".equals(kind) || "signed-amount".equals(kind)) {
            // a cell of nothing but digits, a blank and two digits is an amount whose decimal point OCR lost (1803875 27)
            Matcher lost = LOST_POINT.matcher(text.strip());
            if (lost.matches()) {
                return lost.group(1) + lost.group(2).replace(",", "") + "." + lost.group(3);
            }
        }
        if ("integer".equals(kind)) {
            Matcher m = SPLIT_INTEGER.matcher(text);
            return m.lookingAt() ? m.group().replaceAll("[ ,.]", "") : null;
        }
        if ("amount".equals(kind) || "signed-amount".equals(kind)) {
            Matcher m = SPLIT_AMOUNT.matcher(text);
            if (!m.lookingAt()) {
                return null;
            }
            String whole = m.group(2).replaceAll("[ ,.]", "");
            return ("amount".equals(kind) ? "" : m.group(1)) + whole + "." + m.group(3);
        }
        return null;
    }

    /** Digits, a blank and two digits: an amount whose decimal point OCR lost, read from the digits' layout alone. */
    static boolean decimalPointLost(String text) {
        return LOST_POINT.matcher(text.strip()).matches();
    }

    private static final Pattern DATE_TOKEN = Pattern.compile("^[0-9/|Il!.\\-]{8,14}(?![0-9A-Za-z])");
    private static final Pattern PLAIN_DATE = Pattern.compile("([0-9]{4})([/.\\-])([0-9]{1,2})\\2([0-9]{1,2})");

    /**
     * A date whose separators OCR misread: a slash looks like 7, 1, I, l or | to it ({@code 2025/047/30},
     * {@code 20257/10731}), so each such character is tried as it stands, as the separator, or dropped just before
     * a separator (a slash read twice, as a 7 and as itself). Printed dates use one separator throughout; when exactly
     * one reading is a valid date, that is the date (normalised); null otherwise.
     */
    static String date(String text) {
        Matcher m = DATE_TOKEN.matcher(text.strip());
        if (!m.lookingAt()) {
            return null;
        }
        String raw = m.group();
        java.util.Set<String> dates = new java.util.HashSet<>();
        datesFrom(raw, 0, new StringBuilder(), dates, new int[] {0});
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    private static void datesFrom(String raw, int i, StringBuilder sb, java.util.Set<String> out, int[] steps) {
        if (++steps[0] > 5_000 || out.size() > 1) {
            return;
        }
        if (i == raw.length()) {
            Matcher d = PLAIN_DATE.matcher(sb);
            if (d.matches()) {
                try {
                    out.add(java.time.LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(3)),
                            Integer.parseInt(d.group(4))).toString());
                } catch (RuntimeException e) {
                    // not a date: month 47
                }
            }
            return;
        }
        char c = raw.charAt(i);
        boolean slashLike = "71Il|!".indexOf(c) >= 0;
        if (Character.isDigit(c) || c == '/' || c == '.' || c == '-') {
            sb.append(c);
            datesFrom(raw, i + 1, sb, out, steps);
            sb.setLength(sb.length() - 1);
        }
        if (slashLike) {
            sb.append('/');
            datesFrom(raw, i + 1, sb, out, steps);
            sb.setLength(sb.length() - 1);
            // the left edge of a slash read as a glyph of its own, just before the slash itself (047/ for 04/)
            if (i + 1 < raw.length() && "/.-".indexOf(raw.charAt(i + 1)) >= 0) {
                datesFrom(raw, i + 1, sb, out, steps);
            }
        }
    }

    private SeparatorRepair() {
    }
}
