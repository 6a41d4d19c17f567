package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Steps 1 and 2 of the five-step method: registering and changing a scenario, and choosing its mode. */
@Component
class IdentificationAndClassification {

    private final ScenarioRepository scenarios;
    private final ScenarioRules rules;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final Validator validator;

    IdentificationAndClassification(ScenarioRepository scenarios, ScenarioRules rules, GovernanceAccess access,
                                    AuditTrail audit, Clock clock, Validator validator) {
        this.scenarios = scenarios;
        this.rules = rules;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.validator = validator;
    }

    Scenario register(Member member, ScenarioInput input) {
        ScenarioInput checked = rules.check(input);
        access.requireManage(member, checked.ownerDepartment());
        return insert(checked, member.userId());
    }

    Scenario registerFor(String openedBy, ScenarioInput input) {
        return insert(rules.check(input), openedBy);
    }

    private Scenario insert(ScenarioInput checked, String createdBy) {
        String id = "scn-" + UUID.randomUUID().toString().substring(0, 8);
        scenarios.insert(id, checked, Classifier.recommend(checked.characteristics()).mode(), createdBy, clock.instant());
        audit.record(id, createdBy, "registered", ScenarioRules.describe(checked));
        return find(id);
    }

    Scenario update(Member member, String id, ScenarioInput input) {
        Scenario before = find(id);
        access.requireManage(member, before.ownerDepartment());
        ScenarioInput checked = rules.check(input);
        access.requireManage(member, checked.ownerDepartment());
        scenarios.updateIdentification(id, checked, Classifier.recommend(checked.characteristics()).mode(), clock.instant());
        audit.record(id, member.userId(), "updated", ScenarioRules.describe(checked));
        return find(id);
    }

    Scenario setSuitability(Member member, String id, boolean suitable, String reason) {
        Scenario scenario = find(id);
        access.requireManage(member, scenario.ownerDepartment());
        DeclaredRules.check(validator, new CatalogInputs.Suitability(suitable, reason), "gov.refused.reasonRequired");
        if (!suitable && scenario.activeVersion() != null) {
            throw new ConflictException("gov.refused.publishedNoDirect");
        }
        scenarios.setDirectIntegration(id, !suitable, suitable ? null : reason.strip(), clock.instant());
        audit.record(id, member.userId(), suitable ? "marked-suitable" : "marked-direct-integration",
                suitable ? null : reason.strip());
        return find(id);
    }

    /** Accepts the recommended mode, or overrides it with a reason. */
    Scenario classify(Member member, String id, String mode, String reason) {
        Scenario scenario = find(id);
        access.requireManage(member, scenario.ownerDepartment());
        if (scenario.directIntegration()) {
            throw new ConflictException("gov.refused.directIntegration");
        }
        String recommended = Classifier.recommend(scenario.characteristics()).mode();
        var choice = new CatalogInputs.ModeChoice(mode, reason, recommended);
        DeclaredRules.check(validator, choice, "gov.refused.unknownMode");
        DeclaredRules.check(validator, choice, "gov.refused.overrideNeedsReason", CatalogInputs.ModeChoice.Override.class);
        DeclaredRules.check(validator, choice, "gov.refused.reasonTooLong", CatalogInputs.ModeChoice.Length.class);
        boolean override = choice.overrides();
        String why = choice.reason();
        scenarios.classify(id, mode, why, recommended, member.userId(), clock.instant());
        audit.record(id, member.userId(), override ? "mode-overridden" : "mode-accepted",
                "mode=" + mode + ", recommended=" + recommended + (why == null ? "" : ", reason=" + why));
        return find(id);
    }

    private Scenario find(String id) {
        return scenarios.find(id).orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("scenario", id));
    }
}
