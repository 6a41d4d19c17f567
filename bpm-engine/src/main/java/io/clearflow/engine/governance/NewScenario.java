package io.clearflow.engine.governance;

import java.util.List;

/**
 * A business scenario another module opens in the catalog (step 1, identification), e.g. regtech
 * opening one from a regulation.
 *
 * @param sourceType      where it was identified: {@code regulation}, {@code bottleneck} or {@code mining}
 * @param sourceReference the rule, bottleneck or finding it comes from (e.g. the regulation's title and link)
 * @param ownerDepartment id of the department that owns it (a known department)
 * @param businessCategory {@code issuer}, {@code clearing-participant}, {@code investor} or {@code internal}
 * @param characteristics  characteristics for the mode recommendation, may be empty
 * @param openedBy         the member on whose decision the module opens it (recorded in the audit trail)
 */
public record NewScenario(String name, String description, String sourceType, String sourceReference,
                          String ownerDepartment, String businessCategory, List<String> characteristics, String openedBy) {

    public NewScenario {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
    }
}
