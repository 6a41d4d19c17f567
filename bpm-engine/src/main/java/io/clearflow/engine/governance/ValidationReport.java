package io.clearflow.engine.governance;

import java.util.List;

/**
 * The result of validating a BPMN file: errors make it unpublishable, warnings do not.
 *
 * @param processKey  id of the executable process when the file could be read, else {@code null}
 * @param processName its name, if any
 */
public record ValidationReport(boolean valid, List<Finding> errors, List<Finding> warnings, String processKey,
                               String processName) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * One problem, by BPMN element where it has one ({@code elementId} is {@code null} for file-level problems):
     * {@code message} in English for the API and logs, {@code key} and {@code args} the same for people through
     * the bundles ({@code gov.finding.*}); a finding without a key is shown by a generic sentence.
     */
    public record Finding(String elementId, String message, String key, List<String> args) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public Finding {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public Finding(String elementId, String message) {
            this(elementId, message, null, List.of());
        }

        public static Finding of(String elementId, String key, String message, String... args) {
            return new Finding(elementId, message, key, List.of(args));
        }
    }

    public static ValidationReport of(List<Finding> errors, List<Finding> warnings, String processKey, String processName) {
        return new ValidationReport(errors.isEmpty(), errors, warnings, processKey, processName);
    }
}
