package io.clearflow.bots.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern-guided correction of characters OCR confuses (O/0, I/1, S/5, B/8, Z/2, G/6): a value that does not fit its
 * field's pattern is corrected when exactly one reading with look-alikes swapped fits it ({@code AO3156} with letter +
 * digits is {@code A03156}); and a value that fits is {@linkplain #ambiguous ambiguous} when another such reading fits
 * too ({@code CO04432} could be {@code C04432} with an O doubled from the 0), so it is not trusted without a person.
 * When no swap fits, one look-alike standing next to its twin ({@code O0}, {@code 0O}) may also be a doubled glyph and
 * is dropped. Spring-free.
 */
public final class LookAlikes {

    private static final Map<Character, String> SWAPS = Map.ofEntries(
            Map.entry('O', "0"), Map.entry('o', "0"), Map.entry('D', "0"), Map.entry('Q', "0"), Map.entry('0', "O"),
            Map.entry('I', "1"), Map.entry('l', "1"), Map.entry('|', "1"), Map.entry('i', "1"), Map.entry('!', "1"),
            Map.entry('1', "I"),
            Map.entry('S', "5"), Map.entry('s', "5"), Map.entry('5', "S"),
            Map.entry('B', "8"), Map.entry('8', "B"),
            Map.entry('Z', "2"), Map.entry('z', "2"), Map.entry('2', "Z"),
            Map.entry('G', "6"), Map.entry('b', "6"), Map.entry('6', "G"));

    /** Bounds the search: a token has few look-alikes, and partial readings that cannot fit are cut early. */
    private static final int MAX_STEPS = 20_000;

    private LookAlikes() { }

    /** A corrected reading and what was changed, e.g. {@code AO3156 → A03156 (look-alike characters)}. */
    public record Correction(String value, String note) { }

    /**
     * The only reading of {@code raw} with look-alikes swapped (or, failing that, one doubled look-alike dropped) that
     * matches {@code pattern} entirely; null when there is none or more than one.
     */
    public static Correction correct(String raw, Pattern pattern) {
        List<String> fits = readings(raw, pattern, 2);
        if (fits.isEmpty()) {
            for (String shorter : withoutDoubled(raw)) {
                for (String f : readings(shorter, pattern, 2)) {
                    if (!fits.contains(f)) {
                        fits.add(f);
                    }
                }
            }
        }
        fits.remove(raw);
        if (fits.size() != 1) {
            return null;
        }
        return new Correction(fits.get(0), raw + " → " + fits.get(0) + " (look-alike characters corrected by the field's pattern)");
    }

    /**
     * Another reading of a value that fits {@code pattern}, with look-alikes swapped or a doubled one dropped, that fits
     * it too; null when the value is the only one.
     */
    public static String alternative(String value, Pattern pattern) {
        for (String r : readings(value, pattern, 2)) {
            if (!r.equals(value)) {
                return r;
            }
        }
        return withoutDoubled(value).stream().filter(s -> pattern.matcher(s).matches()).findFirst().orElse(null);
    }

    /** Up to {@code limit} readings of {@code raw} (each look-alike kept or swapped) that match the pattern entirely. */
    static List<String> readings(String raw, Pattern pattern, int limit) {
        List<String> out = new ArrayList<>();
        int[] steps = {0};
        search(raw, 0, new StringBuilder(), pattern, limit, out, steps);
        return out;
    }

    private static void search(String raw, int i, StringBuilder prefix, Pattern pattern, int limit, List<String> out, int[] steps) {
        if (out.size() >= limit || ++steps[0] > MAX_STEPS) {
            return;
        }
        Matcher m = pattern.matcher(prefix);
        boolean full = m.matches();
        if (i == raw.length()) {
            if (full) {
                out.add(prefix.toString());
            }
            return;
        }
        if (!full && !m.hitEnd()) {
            return; // no continuation of this prefix can match
        }
        char c = raw.charAt(i);
        String options = c + SWAPS.getOrDefault(c, "");
        for (int k = 0; k < options.length(); k++) {
            prefix.append(options.charAt(k));
            search(raw, i + 1, prefix, pattern, limit, out, steps);
            prefix.setLength(prefix.length() - 1);
        }
    }

    /** The raw text with one look-alike dropped where it stands next to its twin (O0, 0O, I1, 1l ...). */
    static List<String> withoutDoubled(String raw) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String twins = SWAPS.getOrDefault(c, "");
            boolean doubled = (i > 0 && twins.indexOf(raw.charAt(i - 1)) >= 0)
                    || (i + 1 < raw.length() && twins.indexOf(raw.charAt(i + 1)) >= 0);
            if (doubled && Character.isLetter(c)) {
                String s = raw.substring(0, i) + raw.substring(i + 1);
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
