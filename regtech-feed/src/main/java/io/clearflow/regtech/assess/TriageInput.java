package io.clearflow.regtech.assess;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/**
 * Compliance's triage as entered on the item page or sent on REST. The rules are declared here and, for a
 * relevant item's departments and deadline, in {@link TriageValidator}; every message is a bundle key.
 * Departments arrive as checked boxes or a JSON list, so blanks and repeats are dropped on the way in.
 */
@TriageValidator.Rules
public record TriageInput(@NotNull(message = "regtech.error.relevant") Boolean relevant,
                          @Reason String reason,
                          List<String> departments,
                          LocalDate deadline) {

    public TriageInput {
        departments = departments == null ? List.of() : departments.stream().filter(d -> d != null && !d.isBlank())
                .map(String::strip).distinct().toList();
    }
}
