package io.clearflow.testmetrics.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A test plan of a version: its name (unique in the version), optional iteration, and its cases in order. A case's
 * key is the test's {@code class.name} for automated cases (as the JUnit reports name it, so CI results find it) and
 * the tester's case id for manual ones; demands are the demand portal's ids as plain numbers. Messages are bundle
 * keys, so refusals read in the caller's language.
 */
public record PlanInput(
        @NotBlank(message = "{tm.plan.error.name}") @Size(max = 200, message = "{tm.plan.error.name}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{tm.plan.error.name}") String name,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}", message = "{tm.plan.error.iteration}") String iteration,
        @NotEmpty(message = "{tm.plan.error.cases}") @Size(max = PlanInput.MAX_CASES, message = "{tm.plan.error.cases}")
        List<@NotNull(message = "{tm.plan.error.cases}") @Valid CaseInput> cases) {

    public static final int MAX_CASES = 5_000;

    public record CaseInput(
            @NotBlank(message = "{tm.plan.error.key}") @Size(max = 500, message = "{tm.plan.error.key}")
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{tm.plan.error.key}") String key,
            @Size(max = 500, message = "{tm.plan.error.title}")
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{tm.plan.error.title}") String title,
            @NotNull(message = "{tm.plan.error.automated}") Boolean automated,
            @Size(max = 100, message = "{tm.plan.error.demands}")
            List<@NotNull(message = "{tm.plan.error.demands}") @Positive(message = "{tm.plan.error.demands}") Long> demands) {

        public CaseInput {
            key = key == null ? null : key.strip();
            title = title == null || title.isBlank() ? null : title.strip();
            demands = demands == null ? List.of() : demands;
        }
    }

    public PlanInput {
        name = name == null ? null : name.strip();
        iteration = iteration == null || iteration.isBlank() ? null : iteration.strip();
    }
}
