package io.clearflow.bots.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a field's value looks like (the pattern of its kind: date, amount, signed amount, integer, or the configured
 * one) and the one form it is stored in once read (ISO date, plain amount with 2 decimals, digits only).
 */
final class FieldValues {

    static final String DATE = "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?";
    /**
     * Thousands grouped by commas, 2 decimals; OCR also gives a full stop for a comma and the other way round, or a
     * space after the comma (normalised to the same amount: the last separator before 2 final digits is the point).
     */
    static final String AMOUNT = "(?:\\d{1,3}(?:[,.] ?\\d{3})+|\\d+)[.,]\\d{2}";
    static final String INTEGER = "\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+";
    private static final Pattern DATE_PARTS = Pattern.compile("(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})");

    private FieldValues() {
    }

    static String valuePattern(DocumentTypes.Field field) {
        return switch (field.kind()) {
            case "date" -> DATE;
            case "amount" -> AMOUNT;
            case "signed-amount" -> "-?\\s?(?:" + AMOUNT + ")";
            case "integer" -> INTEGER;
            default -> field.pattern();
        };
    }

    static String normalise(DocumentTypes.Field field, String raw) {
        return normalise(field.kind(), field.normalise(), raw);
    }

    static String normalise(String kind, String how, String raw) {
        String s = raw.strip();
        switch (kind) {
            case "date" -> {
                Matcher m = DATE_PARTS.matcher(s);
                if (!m.find()) {
                    return null;
                }
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))).toString();
                } catch (RuntimeException e) {
                    return null; // 2024-13-45 is not a date, whatever the pattern says
                }
            }
            case "amount", "signed-amount" -> {
                String plain = s.replace(" ", "");
                int point = Math.max(plain.lastIndexOf('.'), plain.lastIndexOf(','));
                // 1.055.82 and 56269,28 are 1,055.82 and 56269.28 misread
                plain = plain.substring(0, point).replaceAll("[.,]", "") + "." + plain.substring(point + 1);
                return new BigDecimal(plain).setScale(2).toPlainString();
            }
            case "integer" -> {
                return new BigDecimal(s.replace(",", "")).toPlainString();
            }
            default -> {
                if ("digits".equals(how)) {
                    return s.replaceAll("\\D", "");
                }
                return s;
            }
        }
    }
}
