package io.clearflow.testmetrics.metrics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders version strings as people read them: numeric parts as numbers ({@code 3.10.0} after {@code 3.9.2}),
 * a pre-release after {@code -} before its release ({@code 3.2.0-rc1} before {@code 3.2.0}), other text
 * alphabetically.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String[] ma = splitPre(a);
        String[] mb = splitPre(b);
        int c = compareParts(parts(ma[0]), parts(mb[0]));
        if (c != 0) {
            return c;
        }
        if (ma[1] == null || mb[1] == null) {
            return ma[1] == null ? (mb[1] == null ? 0 : 1) : -1; // a release after its pre-releases
        }
        return compareParts(parts(ma[1]), parts(mb[1]));
    }

    private static String[] splitPre(String v) {
        String s = v.contains("+") ? v.substring(0, v.indexOf('+')) : v;
        int dash = s.indexOf('-');
        return dash < 0 ? new String[] {s, null} : new String[] {s.substring(0, dash), s.substring(dash + 1)};
    }

    private static List<Object> parts(String s) {
        List<Object> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean digits = null;
        for (char ch : s.toCharArray()) {
            if (ch == '.' || ch == '_' || ch == '-') {
                flush(parts, current, digits);
                digits = null;
                continue;
            }
            boolean d = Character.isDigit(ch);
            if (digits != null && d != digits) {
                flush(parts, current, digits);
            }
            digits = d;
            current.append(ch);
        }
        flush(parts, current, digits);
        return parts;
    }

    private static void flush(List<Object> parts, StringBuilder current, Boolean digits) {
        if (!current.isEmpty()) {
            parts.add(Boolean.TRUE.equals(digits) ? new BigInteger(current.toString()) : current.toString());
            current.setLength(0);
        }
    }

    private static int compareParts(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Object x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            Object y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c;
            if (x instanceof BigInteger bx && y instanceof BigInteger by) {
                c = bx.compareTo(by);
            } else if (x instanceof BigInteger) {
                c = 1; // numbers after words: 1.0.1 after 1.0.beta
            } else if (y instanceof BigInteger) {
                c = -1;
            } else {
                c = ((String) x).compareToIgnoreCase((String) y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
