package io.clearflow.engine.governance.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.governance.catalog.Feedback;
import io.clearflow.engine.governance.catalog.Improvement;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 5 on REST: feedback on processes and the improvement actions derived from it. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class ImprovementApiController {

    record FeedbackRequest(String caseId, String taskName, Integer rating, String comment) { }

    record ImprovementRequest(String title, String description, String metricRef, List<Long> feedbackIds) { }

    record StatusRequest(String status) { }

    private final ImprovementService improvements;
    private final ScenarioReads reads;
    private final CurrentUser currentUser;

    ImprovementApiController(ImprovementService improvements, ScenarioReads reads, CurrentUser currentUser) {
        this.improvements = improvements;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a case's process (1–5) with a comment; anyone who may see the case")
    Feedback feedback(@RequestBody FeedbackRequest body) {
        return improvements.give(currentUser.get(), body.caseId(), body.taskName(), body.rating(), body.comment());
    }

    @GetMapping("/feedback")
    List<Feedback> feedbackList(@RequestParam Optional<String> processKey) {
        return reads.feedback(currentUser.get(), processKey);
    }

    @GetMapping("/scenarios/{id}/feedback")
    List<Feedback> scenarioFeedback(@PathVariable String id) {
        return reads.feedback(currentUser.get(), id);
    }

    @Idempotent
    @PostMapping("/scenarios/{id}/improvements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an improvement action linked to feedback and a metric")
    Improvement addImprovement(@PathVariable String id, @RequestBody ImprovementRequest body) {
        return improvements.addAction(currentUser.get(), id, body.title(), body.description(), body.metricRef(),
                body.feedbackIds());
    }

    @GetMapping("/scenarios/{id}/improvements")
    List<Improvement> improvements(@PathVariable String id) {
        return reads.improvements(currentUser.get(), id);
    }

    @PutMapping("/improvements/{actionId}/status")
    Improvement improvementStatus(@PathVariable long actionId, @RequestBody StatusRequest body) {
        return improvements.setStatus(currentUser.get(), actionId, body.status());
    }
}
