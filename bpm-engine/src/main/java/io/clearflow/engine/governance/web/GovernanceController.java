package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.governance.catalog.AuditEntry;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.Classifier;
import io.clearflow.engine.governance.catalog.Scenario;
import io.clearflow.engine.governance.catalog.ScenarioDetail;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance catalog on REST, steps 1 and 2: scenarios, their identification and classification,
 * and their audit trail. Design, forms, releases and improvement have their own controllers.
 */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class GovernanceController {

    record Suitability(boolean suitable, String reason) { }

    record Classification(String mode, String reason) { }

    private final CatalogService catalog;
    private final ScenarioReads reads;
    private final CurrentUser currentUser;

    GovernanceController(CatalogService catalog, ScenarioReads reads, CurrentUser currentUser) {
        this.catalog = catalog;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GetMapping("/scenarios")
    List<Scenario> scenarios() {
        return catalog.scenarios(currentUser.get());
    }

    @Idempotent
    @PostMapping("/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a business scenario (step 1)")
    Scenario register(@RequestBody ScenarioInput input) {
        return catalog.register(currentUser.get(), input);
    }

    @GetMapping("/scenarios/{id}")
    ScenarioDetail scenario(@PathVariable String id) {
        return reads.detail(currentUser.get(), id);
    }

    @PutMapping("/scenarios/{id}")
    Scenario update(@PathVariable String id, @RequestBody ScenarioInput input) {
        return catalog.update(currentUser.get(), id, input);
    }

    @PutMapping("/scenarios/{id}/suitability")
    @Operation(summary = "Mark 'not suitable for a process → direct system integration' (with a reason), or suitable again")
    Scenario suitability(@PathVariable String id, @RequestBody Suitability body) {
        return catalog.setSuitability(currentUser.get(), id, body.suitable(), body.reason());
    }

    @GetMapping("/scenarios/{id}/recommendation")
    Classifier.Recommendation recommendation(@PathVariable String id) {
        return reads.recommendation(currentUser.get(), id);
    }

    @PostMapping("/scenarios/{id}/classification")
    @Operation(summary = "Accept the recommended mode, or override it with a reason (step 2)")
    Scenario classify(@PathVariable String id, @RequestBody Classification body) {
        return catalog.classify(currentUser.get(), id, body.mode(), body.reason());
    }

    @GetMapping("/scenarios/{id}/audit")
    @Operation(summary = "Every change of the scenario: who, when, what; newest first")
    List<AuditEntry> audit(@PathVariable String id) {
        return reads.audit(currentUser.get(), id);
    }
}
