package io.clearflow.regtech.assess;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.governance.GovernanceCatalog;
import io.clearflow.engine.governance.NewScenario;
import io.clearflow.regtech.item.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A decision's governance scenario, opened through the catalog's public API; its checks (known department, category,
 * sizes) come back as the decision form's field errors and, thrown inside the decision's transaction, leave nothing behind.
 */
@Component
class ScenarioOpening {

    private final GovernanceCatalog catalog;

    ScenarioOpening(GovernanceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the scenario's id; the decision's owner department is present ({@link DecisionValidator}). */
    String open(Member member, Item item, String why, DecisionInput choice) {
        String department = choice.scenarioDepartment().strip();
        String category = choice.scenarioCategory() == null || choice.scenarioCategory().isBlank()
                ? "internal" : choice.scenarioCategory().strip();
        String name = choice.scenarioName() == null || choice.scenarioName().isBlank() ? "落实监管要求：" + item.title()
                : choice.scenarioName().strip();
        name = name.length() > 200 ? name.substring(0, 199) + "…" : name;
        String reference = item.title() + (item.link() == null ? "" : " — " + item.link());
        reference = reference.length() > 2000 ? reference.substring(0, 2000) : reference;
        try {
            return catalog.openScenario(new NewScenario(name, why, "regulation", reference, department, category, List.of(),
                    member.userId()));
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("regtech.error.decisionInvalid", decisionFields(e.fieldErrors()));
        }
    }

    /** The catalog's field errors under the decision form's fields and messages. */
    private static Map<String, String> decisionFields(Map<String, String> catalogErrors) {
        Map<String, String> mapped = new LinkedHashMap<>();
        catalogErrors.forEach((field, message) -> mapped.put(switch (field) {
            case "ownerDepartment" -> "scenarioDepartment";
            case "businessCategory" -> "scenarioCategory";
            case "name" -> "scenarioName";
            default -> field;
        }, switch (field) {
            case "ownerDepartment" -> "regtech.error.scenarioDepartment";
            case "businessCategory" -> "regtech.error.scenarioCategory";
            case "name" -> "regtech.error.name";
            default -> message;
        }));
        return mapped;
    }
}
