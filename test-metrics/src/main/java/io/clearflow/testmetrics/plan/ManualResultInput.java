package io.clearflow.testmetrics.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One execution of a manual plan case: its outcome, a note, and the defect it found (a key such as CTRADE-12). */
public record ManualResultInput(
        @NotNull(message = "{tm.plan.error.status}") Outcome status,
        @Size(max = 2000, message = "{tm.plan.error.note}") String note,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{tm.plan.error.defect}") String defect) {

    /** What a tester records; not run is the absence of a result. */
    public enum Outcome { PASSED, FAILED, BLOCKED;

        /** The outcome a form field names, or null (then refused as a missing status). */
        static Outcome parse(String value) {
            for (Outcome o : values()) {
                if (o.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return o;
                }
            }
            return null;
        }
    }

    public ManualResultInput {
        note = note == null || note.isBlank() ? null : note.strip();
        defect = defect == null || defect.isBlank() ? null : defect.strip();
    }
}
