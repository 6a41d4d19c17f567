package io.clearflow.engine.governance.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The form of a start event or user task: a simple field schema that pages and REST clients render
 * and check. {@code type}: text, textarea, number, date, boolean, select, email; {@code options}
 * only for select; {@code pattern} a Java/JavaScript-compatible regular expression for text fields.
 * The rules are declared here and in {@link CatalogInputValidator}: first {@link Present}, then
 * {@link Bounded}, then each field.
 */
@CatalogInputValidator.Rules
public record FormDefinition(@NotEmpty(message = "{gov.form.error.noFields}", groups = Present.class)
                             @Size(max = 100, message = "{gov.form.error.tooManyFields}", groups = Bounded.class)
                             List<@Valid Field> fields) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public record Field(@NotNull(message = "{gov.form.error.key}")
                        @jakarta.validation.constraints.Pattern(regexp = KEY, message = "{gov.form.error.key}") String key,
                        @NotBlank(message = "{gov.form.error.label}")
                        @Size(max = 200, message = "{gov.form.error.label}") String label,
                        @Listed(Listed.In.FORM_FIELD_TYPES) String type, boolean required, String pattern,
                        List<String> options) {
    }

    public static final List<String> TYPES = List.of("text", "textarea", "number", "date", "boolean", "select", "email");

    /** A field's key: letters, digits and _, starting with a letter or _, at most 64. */
    static final String KEY = "[A-Za-z_][A-Za-z0-9_]{0,63}";

    interface Present {
    }

    interface Bounded {
    }
}
