package io.clearflow.regtech.assess;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * A department's impact as entered on the item page or sent on REST. The rules are declared here and, for
 * the processes and systems texts, in {@link ImpactValidator}; every message is a bundle key.
 */
@ImpactValidator.Rules
public record ImpactInput(String processes,
                          String systems,
                          LocalDate deadline,
                          @NotNull(message = "regtech.error.risk")
                          @Pattern(regexp = "low|medium|high", message = "regtech.error.risk") String risk) { }
