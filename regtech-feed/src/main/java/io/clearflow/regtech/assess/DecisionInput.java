package io.clearflow.regtech.assess;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Compliance's decision as entered on the item page or sent on REST: raise a demand (its title optional), open a
 * governance scenario (name optional, owner department required, category defaulting to internal) or no action,
 * always with a reason. The rules are declared here and in {@link DecisionValidator}; every message is a bundle key.
 */
@DecisionValidator.Rules
public record DecisionInput(@NotNull(message = "regtech.error.decision")
                            @Pattern(regexp = "demand|scenario|no-action", message = "regtech.error.decision") String decision,
                            @Reason String reason,
                            String demandTitle,
                            String scenarioName,
                            String scenarioDepartment,
                            String scenarioCategory) { }
