package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * Checks a scenario's identification against its declared rules ({@link ScenarioInput},
 * {@link ScenarioInputValidator}) and brings it to its normal form: stripped, characteristics once each
 * in vocabulary order.
 */
@Component
class ScenarioRules {

    private final Validator validator;

    ScenarioRules(Validator validator) {
        this.validator = validator;
    }

    ScenarioInput check(ScenarioInput in) {
        if (in == null) {
            throw new InvalidRequestException("gov.refused.scenarioMissing");
        }
        DeclaredRules.check(validator, in, "gov.refused.scenarioInvalid");
        return new ScenarioInput(in.name().strip(), in.description() == null || in.description().isBlank() ? null
                : in.description().strip(), in.sourceType(), in.sourceReference().strip(), in.ownerDepartment(),
                in.businessCategory(), in.characteristics().stream().distinct().sorted(
                        Comparator.comparingInt(Vocabulary.CHARACTERISTICS::indexOf)).toList());
    }

    /** The audit trail's words for an identification. */
    static String describe(ScenarioInput in) {
        return "name=" + in.name() + ", source=" + in.sourceType() + ", department=" + in.ownerDepartment()
                + ", category=" + in.businessCategory() + ", characteristics=" + in.characteristics();
    }
}
