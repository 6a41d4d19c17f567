package io.clearflow.regtech.assess;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The impact assessment over REST; every page action has its call here. */
@RestController
@RequestMapping("/api/regtech")
@Tag(name = "Regtech assessments", description = "Triage, impact assessment by departments, compliance decision")
class AssessmentController {

    private final AssessmentService assessments;
    private final CurrentUser currentUser;

    AssessmentController(AssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/items/{itemId}/triage")
    @Operation(summary = "Compliance triages an item: relevant (departments to assess, deadline) or not, with a reason")
    Assessment triage(@PathVariable long itemId, @RequestBody TriageInput t) {
        return assessments.triage(currentUser.get(), itemId, t);
    }

    @Idempotent
    @PostMapping("/assessments/{id}/impact")
    @Operation(summary = "An assigned department records the impact: processes, systems, deadline, risk (low|medium|high)")
    Assessment impact(@PathVariable long id, @RequestBody ImpactInput i) {
        return assessments.assess(currentUser.get(), id, i);
    }

    @Idempotent
    @PostMapping("/assessments/{id}/decision")
    @Operation(summary = "Compliance decides: demand (raised in the demand portal, linked both ways), scenario (a governance "
            + "scenario with source regulation, owned by scenarioDepartment) or no-action, with a reason")
    Assessment decide(@PathVariable long id, @RequestBody DecisionInput d) {
        return assessments.decide(currentUser.get(), id, d);
    }

    @GetMapping("/assessments")
    List<AssessmentService.View> list() {
        return assessments.list(currentUser.get());
    }

    @GetMapping("/assessments/{id}")
    AssessmentService.View get(@PathVariable long id) {
        return assessments.view(currentUser.get(), id);
    }
}
