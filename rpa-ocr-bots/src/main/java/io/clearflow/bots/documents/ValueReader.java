package io.clearflow.bots.documents;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one field's value at the start of a cell's text (after separators and a currency): as read when it fits the
 * field's pattern entirely (up to a word boundary; with another reading when a look-alike swap fits as well), else
 * with misread separators read back ({@link SeparatorRepair}), else with look-alike characters corrected
 * ({@link LookAlikes}) when the correction is unique; a corrected value notes its correction.
 */
final class ValueReader {

    /** Below 1: a corrected value is slightly less certain than one read as it stands. */
    static final double CORRECTED_FACTOR = 0.95;

    /** Separators and specks before a value (never a minus sign: that belongs to a signed amount). */
    private static final Pattern LEAD = Pattern.compile("^[\\s:|*•·,;'\"_~—…]*");
    private static final Pattern CURRENCY = Pattern.compile("^(?:(?:CNY|RMB|¥|￥)\\s*)?");
    private static final Pattern TOKEN = Pattern.compile("^\\S+");
    private static final Pattern RUN = Pattern.compile("^[0-9A-Za-z,.\\-/ 年月日|!]+");

    private final DocumentTypes.Field field;
    private final Pattern value;
    private final Pattern whole;

    ValueReader(DocumentTypes.Field field) {
        this.field = field;
        String v = FieldValues.valuePattern(field);
        // a number does not stop before more digits: 421 900 is not 421
        String after = numeric() ? "(?![0-9A-Za-z])(?![.,]? ?[0-9])" : "(?![0-9A-Za-z])";
        this.value = Pattern.compile("(" + v + ")" + after);
        this.whole = Pattern.compile(v);
    }

    private boolean numeric() {
        return switch (field.kind()) {
            case "amount", "signed-amount", "integer" -> true;
            default -> false;
        };
    }

    /** The value at the start of the text (after separators and a currency), as read or corrected; null if none fits. */
    FieldExtractor.Found read(TextLine line) {
        String text = line.text();
        int at = skip(LEAD, text, 0);
        at = skip(CURRENCY, text, at);
        Matcher m = value.matcher(text).region(at, text.length());
        if (m.lookingAt()) {
            String normalised = normalise(m.group(1));
            if (normalised != null) {
                String alternative = "text".equals(field.kind()) ? LookAlikes.alternative(m.group(1).strip(), whole) : null;
                return new FieldExtractor.Found(normalised, line.confidence(m.start(1), m.end(1)), null, alternative, null);
            }
        }
        String repaired = "date".equals(field.kind()) ? SeparatorRepair.date(text.substring(at))
                : SeparatorRepair.number(field.kind(), text.substring(at));
        if (repaired != null) {
            String normalised = normalise(repaired);
            if (normalised != null) {
                int end = Math.min(text.length(), at + text.substring(at).strip().length());
                String token = "date".equals(field.kind()) ? text.substring(at).strip().split("\\s+")[0] : text.substring(at).strip();
                end = "date".equals(field.kind()) ? at + text.substring(at).indexOf(token) + token.length() : end;
                boolean pointLost = !"date".equals(field.kind()) && SeparatorRepair.decimalPointLost(text.substring(at));
                // a lost decimal point is read from the layout of the digits alone: a person confirms it
                double factor = pointLost ? LayoutLocator.SHORT_MISREAD : CORRECTED_FACTOR;
                return new FieldExtractor.Found(normalised, line.confidence(at, end) * factor,
                        token + " → " + normalised + (pointLost ? " (decimal point lost)" : " (separators misread)"), null, null);
            }
        }
        for (Pattern token : List.of(TOKEN, RUN)) {
            Matcher t = token.matcher(text).region(at, text.length());
            if (!t.lookingAt()) {
                continue;
            }
            String raw = t.group().strip().replaceAll("[,.;]+$", "");
            LookAlikes.Correction c = LookAlikes.correct(raw, whole);
            String normalised = c == null ? null : normalise(c.value());
            if (normalised != null) {
                return new FieldExtractor.Found(normalised, line.confidence(t.start(), t.start() + raw.length()) * CORRECTED_FACTOR,
                        c.note(), null, null);
            }
        }
        return null;
    }

    private String normalise(String raw) {
        try {
            return FieldValues.normalise(field, raw);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int skip(Pattern p, String text, int from) {
        Matcher m = p.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : from;
    }
}
