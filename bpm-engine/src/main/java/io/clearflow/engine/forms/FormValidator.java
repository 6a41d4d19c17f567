package io.clearflow.engine.forms;

import io.clearflow.engine.api.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks submitted values against a form definition. The browser runs the same rules from the
 * definition's JSON ({@code static/js/modes-forms.js}); this is the check that counts. Error texts
 * come from the label bundle in the caller's language, so page and REST answer alike.
 */
@Component
public class FormValidator {

    /** A plain decimal, as both sides parse it: no exponent, no thousands separators. */
    static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MessageSource messages;

    FormValidator(MessageSource messages) {
        this.messages = messages;
    }

    /** The defined fields' values, trimmed, empty ones left out; unknown keys are dropped. */
    public static Map<String, String> clean(FormDefinition form, Map<String, ?> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            Object raw = submitted == null ? null : submitted.get(field.key());
            // JSON numbers arrive as Integer/Long/Double; 1.0E7 must read as the plain 10000000.0
            String value = raw == null ? null : raw instanceof Number n
                    ? new java.math.BigDecimal(n.toString()).toPlainString() : String.valueOf(raw).strip();
            if (value != null && !value.isEmpty()) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    /** Field errors (field key → message), in field order; empty when everything is acceptable. */
    public Map<String, String> errors(FormDefinition form, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String error = check(field, values.get(field.key()));
            if (error != null) {
                errors.put(field.key(), error);
            }
        }
        return errors;
    }

    /** Clean and check; the cleaned values, or a 400 with every field error. */
    public Map<String, String> validate(FormDefinition form, Map<String, ?> submitted) {
        Map<String, String> values = clean(form, submitted);
        Map<String, String> errors = errors(form, values);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(message("modes.form.invalid"), errors);
        }
        return values;
    }

    private String check(FormField field, String value) {
        if (value == null) {
            return field.required() ? message("modes.form.error.required") : null;
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return message("modes.form.error.maxLength", field.maxLength());
        }
        switch (field.type()) {
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    return message("modes.form.error.number");
                }
                BigDecimal number = new BigDecimal(value);
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    return message("modes.form.error.min", field.min().toPlainString());
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    return message("modes.form.error.max", field.max().toPlainString());
                }
                if (field.step() != null && number.remainder(field.step()).signum() != 0) {
                    return message("modes.form.error.step", field.step().toPlainString());
                }
            }
            case DATE -> {
                if (!DATE.matcher(value).matches()) {
                    return message("modes.form.error.date");
                }
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return message("modes.form.error.date");
                }
            }
            case SELECT -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    return message("modes.form.error.option");
                }
            }
            default -> { }
        }
        if (field.pattern() != null && !matches(field.pattern(), value)) {
            return message(field.patternMessageKey() != null ? field.patternMessageKey() : "modes.form.error.pattern");
        }
        return null;
    }

    private static boolean matches(String regex, String value) {
        try {
            return Pattern.compile(regex).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("form pattern does not compile: " + regex, e);
        }
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
