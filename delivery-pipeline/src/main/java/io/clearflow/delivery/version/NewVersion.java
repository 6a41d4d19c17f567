package io.clearflow.delivery.version;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/delivery/versions}. A version label is what build tools write (letters, digits, dots,
 * dashes, plus, underscore), so it is safe in file names, URLs and the test-metrics {@code version}.
 */
public record NewVersion(@NotBlank @Size(max = 32) String system,
                         @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]*") String version,
                         @Size(max = 200) List<@NotNull @Positive Long> demandIds,
                         LocalDate plannedDate) {

    public NewVersion {
        demandIds = demandIds == null ? List.of() : demandIds.stream().distinct().toList();
    }
}
