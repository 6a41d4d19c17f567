package io.clearflow.engine.governance.catalog;

import java.util.List;

/** What identifies a scenario (step 1), as entered on the page or sent on REST. */
public record ScenarioInput(String name, String description, String sourceType, String sourceReference,
                            String ownerDepartment, String businessCategory, List<String> characteristics) {

    public ScenarioInput {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
    }
}
