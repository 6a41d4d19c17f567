package io.clearflow.engine.forms;

import java.util.List;
import java.util.Optional;

/**
 * A form: its key (a start form's own key, or the {@code flowable:formKey} of the user tasks that
 * use it), a title label key and its fields in display order. Modules declare them as beans.
 */
public record FormDefinition(String key, String titleKey, List<FormField> fields) {

    public FormDefinition {
        if (key == null || !key.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("form key must be lower-case letters, digits and '-': " + key);
        }
        fields = List.copyOf(fields);
        if (fields.stream().map(FormField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("form " + key + " has two fields with the same key");
        }
    }

    public Optional<FormField> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
}
