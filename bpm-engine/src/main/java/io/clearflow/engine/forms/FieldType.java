package io.clearflow.engine.forms;

/** What a form field holds; decides its input element and how its value is checked. */
public enum FieldType {
    TEXT, NUMBER, DATE, SELECT, TEXTAREA;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
