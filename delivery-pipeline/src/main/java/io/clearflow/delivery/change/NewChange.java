package io.clearflow.delivery.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A change request as submitted.
 *
 * @param risk            {@code low}, {@code medium} or {@code high}
 * @param window          the planned change window as the team writes it, e.g. {@code 2026-12-12 22:00–23:30}
 * @param affectedSystems system codes besides the version's own
 * @param firstCommitAt   first commit of the change, when known (DORA lead time)
 */
public record NewChange(@NotNull @Positive Long testSubmissionId,
                        @NotBlank @Pattern(regexp = "(?i)low|medium|high", message = "{delivery.change.error.risk}") String risk,
                        @NotBlank @Size(max = 200) String window,
                        @NotBlank @Size(max = 4000) String rollbackPlan,
                        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,63}",
                                message = "{delivery.change.error.system}") String> affectedSystems,
                        @Size(max = 4000) String deploymentSteps,
                        Boolean complianceRelevant,
                        Boolean emergency,
                        Instant firstCommitAt) {

    public NewChange {
        affectedSystems = affectedSystems == null ? List.of() : List.copyOf(affectedSystems);
    }
}
