package io.clearflow.engine.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a form. Constraints are optional: {@code pattern} is a regular expression the whole
 * value must match (kept to the syntax Java and JavaScript share), {@code min}/{@code max} bound a
 * number, {@code step} makes it a multiple (e.g. 100 shares, one 手), {@code maxLength} bounds text.
 * A field marked {@code variable} is a routing fact and becomes a process variable on completion;
 * the others are business data for the owning module's tables.
 */
public record FormField(String key, String labelKey, FieldType type, boolean required, String pattern,
                        String patternMessageKey, BigDecimal min, BigDecimal max, BigDecimal step, Integer maxLength,
                        List<Option> options, boolean variable) {

    /** A choice of a select field: the submitted value and its label key. */
    public record Option(String value, String labelKey) { }

    public FormField {
        if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("field key must be a variable-like name: " + key);
        }
        options = options == null ? List.of() : List.copyOf(options);
        if (type == FieldType.SELECT && options.isEmpty()) {
            throw new IllegalArgumentException("select field " + key + " needs options");
        }
    }

    public static FormField text(String key, String labelKey) {
        return new FormField(key, labelKey, FieldType.TEXT, false, null, null, null, null, null, 200, null, false);
    }

    public static FormField textarea(String key, String labelKey) {
        return new FormField(key, labelKey, FieldType.TEXTAREA, false, null, null, null, null, null, 2000, null, false);
    }

    public static FormField number(String key, String labelKey) {
        return new FormField(key, labelKey, FieldType.NUMBER, false, null, null, null, null, null, null, null, false);
    }

    public static FormField date(String key, String labelKey) {
        return new FormField(key, labelKey, FieldType.DATE, false, null, null, null, null, null, null, null, false);
    }

    public static FormField select(String key, String labelKey, Option... options) {
        return new FormField(key, labelKey, FieldType.SELECT, false, null, null, null, null, null, null,
                List.of(options), false);
    }

    public FormField mandatory() {
        return new FormField(key, labelKey, type, true, pattern, patternMessageKey, min, max, step, maxLength, options, variable);
    }

    public FormField pattern(String regex, String messageKey) {
        return new FormField(key, labelKey, type, required, regex, messageKey, min, max, step, maxLength, options, variable);
    }

    public FormField range(String minimum, String maximum) {
        return new FormField(key, labelKey, type, required, pattern, patternMessageKey,
                minimum == null ? null : new BigDecimal(minimum), maximum == null ? null : new BigDecimal(maximum),
                step, maxLength, options, variable);
    }

    public FormField step(String multiple) {
        return new FormField(key, labelKey, type, required, pattern, patternMessageKey, min, max, new BigDecimal(multiple),
                maxLength, options, variable);
    }

    public FormField maxLength(int length) {
        return new FormField(key, labelKey, type, required, pattern, patternMessageKey, min, max, step, length, options, variable);
    }

    public FormField routingFact() {
        return new FormField(key, labelKey, type, required, pattern, patternMessageKey, min, max, step, maxLength, options, true);
    }
}
