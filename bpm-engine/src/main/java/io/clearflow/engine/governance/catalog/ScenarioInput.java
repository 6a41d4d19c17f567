package io.clearflow.engine.governance.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What identifies a scenario (step 1), as entered on the page or sent on REST. The rules are declared
 * here and in {@link ScenarioInputValidator}; every message is a bundle key.
 */
@ScenarioInputValidator.Rules
public record ScenarioInput(String name,
                            @Size(max = 4000, message = "gov.error.description") String description,
                            String sourceType,
                            @NotBlank(message = "gov.error.sourceReference")
                            @Size(max = 2000, message = "gov.error.sourceReference") String sourceReference,
                            String ownerDepartment, String businessCategory, List<String> characteristics) {

    public ScenarioInput {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
    }
}
