package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The rules a scenario's identification follows, and its normal form (stripped, characteristics in vocabulary order). */
@Component
class ScenarioRules {

    private final OrgDirectory directory;

    ScenarioRules(OrgDirectory directory) {
        this.directory = directory;
    }

    ScenarioInput check(ScenarioInput in) {
        if (in == null) {
            throw new InvalidRequestException("the scenario is missing");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            errors.put("name", "required, at most 200 characters");
        }
        if (in.description() != null && in.description().length() > 4000) {
            errors.put("description", "at most 4000 characters");
        }
        if (in.sourceType() == null || !Vocabulary.SOURCES.contains(in.sourceType())) {
            errors.put("sourceType", "one of " + Vocabulary.SOURCES);
        }
        if (in.sourceReference() == null || in.sourceReference().isBlank() || in.sourceReference().length() > 2000) {
            errors.put("sourceReference", "required (the rule, the bottleneck or the mining finding), at most 2000 characters");
        }
        boolean department = in.ownerDepartment() != null && directory.unit(in.ownerDepartment())
                .filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isPresent();
        if (!department) {
            errors.put("ownerDepartment", "a known department id");
        }
        if (in.businessCategory() == null || !Vocabulary.CATEGORIES.contains(in.businessCategory())) {
            errors.put("businessCategory", "one of " + Vocabulary.CATEGORIES);
        }
        List<String> unknown = in.characteristics().stream().filter(c -> !Vocabulary.CHARACTERISTICS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            errors.put("characteristics", "unknown " + unknown + "; known are " + Vocabulary.CHARACTERISTICS);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the scenario is incomplete or invalid", errors);
        }
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
