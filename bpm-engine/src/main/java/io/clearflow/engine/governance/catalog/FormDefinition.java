package io.clearflow.engine.governance.catalog;

import java.util.List;

/**
 * The form of a start event or user task: a simple field schema that pages and REST clients render
 * and check. {@code type}: text, textarea, number, date, boolean, select, email; {@code options}
 * only for select; {@code pattern} a Java/JavaScript-compatible regular expression for text fields.
 */
public record FormDefinition(List<Field> fields) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public record Field(String key, String label, String type, boolean required, String pattern, List<String> options) {
    }

    public static final List<String> TYPES = List.of("text", "textarea", "number", "date", "boolean", "select", "email");
}
