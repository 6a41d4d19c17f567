package io.clearflow.delivery.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The audit API's JSON inputs. */
final class AuditRequests {

    private AuditRequests() {
    }

    record NewAudit(@NotNull @Positive Long versionId) {
    }

    /** A rule filter from one finding: that finding (by fingerprint) in every version, or the whole rule. */
    record Suppress(@NotBlank @Size(max = 2000) String reason, Boolean wholeRule) {
    }

    record Annotate(@NotBlank @Size(max = 1000) String path, @NotNull @Positive Integer line,
                    @NotBlank @Size(max = 4000) String text, @Positive Long kbEntryId) {
    }

    record Complete(@Size(max = 4000) String opinion) {
    }
}
