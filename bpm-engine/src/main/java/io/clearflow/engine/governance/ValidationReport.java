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

    /** One problem, by BPMN element where it has one ({@code elementId} is {@code null} for file-level problems). */
    public record Finding(String elementId, String message) { }

    public static ValidationReport of(List<Finding> errors, List<Finding> warnings, String processKey, String processName) {
        return new ValidationReport(errors.isEmpty(), errors, warnings, processKey, processName);
    }
}
