package io.clearflow.engine.governance.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The inputs of the catalog's decisions and step 5, with their rules declared: annotations here, rules
 * that span fields or need the catalog's context in {@link CatalogInputValidator}. The services check
 * them with the {@link jakarta.validation.Validator} bean ({@link io.clearflow.engine.api.DeclaredRules}),
 * not by method validation, because the service is the boundary for pages, REST and Java callers alike
 * and each refusal must stay an {@link io.clearflow.engine.api.InvalidRequestException} with its own
 * message. Messages are {@code {bundle keys}} of the governance bundle, interpolated when validated:
 * the scenario page shows these refusals as text.
 */
final class CatalogInputs {

    private CatalogInputs() {
    }

    /** Step 2: the mode chosen against the recommended one; checked mode first, then {@link Override}, then {@link Length}. */
    @CatalogInputValidator.Rules(groups = ModeChoice.Override.class)
    record ModeChoice(@Listed(Listed.In.MODES) String mode,
                      @Size(max = 2000, message = "{gov.error.reasonLength}", groups = Length.class) String reason,
                      String recommended) {

        /** The reason without surrounding white space; none when blank. */
        ModeChoice {
            reason = reason == null || reason.isBlank() ? null : reason.strip();
        }

        boolean overrides() {
            return !mode.equals(recommended);
        }

        interface Override {
        }

        interface Length {
        }
    }

    /** Step 1: suitable for a process, or not (direct system integration) with a reason. */
    @CatalogInputValidator.Rules
    record Suitability(boolean suitable, String reason) {
    }

    /** Step 5: a case's process rated from 1 to 5, with an optional comment. */
    record Rating(@NotBlank(message = "{gov.error.caseId}") String caseId, String taskName,
                  @NotNull(message = "{gov.error.rating}") @Min(value = 1, message = "{gov.error.rating}")
                  @Max(value = 5, message = "{gov.error.rating}") Integer rating,
                  @Size(max = 2000, message = "{gov.error.comment}") String comment) {
    }

    /** Step 5: an improvement action; its feedback links must be among {@code linkable}, the scenario's feedback. */
    @CatalogInputValidator.Rules
    record Action(String title, @Size(max = 4000, message = "{gov.error.actionDescription}") String description,
                  @Size(max = 500, message = "{gov.error.metricRef}") String metricRef, List<Long> feedbackIds,
                  List<Long> linkable) {

        /** Each feedback linked once. */
        Action {
            feedbackIds = feedbackIds == null ? List.of() : feedbackIds.stream().distinct().toList();
        }
    }

    /** Step 5: the state an improvement action moves to. */
    record ActionStatus(@Listed(Listed.In.IMPROVEMENT_STATES) String status) {
    }
}
