package io.clearflow.engine.reference;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.WorkService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/approvals")
@Tag(name = "Reference approval", description = "The two-step approval deployed with every installation")
class ApprovalController {

    private final ApprovalService approvals;
    private final WorkService work;
    private final CurrentUser currentUser;

    ApprovalController(ApprovalService approvals, WorkService work, CurrentUser currentUser) {
        this.approvals = approvals;
        this.work = work;
        this.currentUser = currentUser;
    }

    record SubmitRequest(@NotNull @Size(max = 200) String title, @NotNull BigDecimal amount,
                         @NotNull @Size(max = 2000) String reason) { }

    @Idempotent
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a request: its first review task goes to the requester's department")
    ApprovalRequest submit(@Valid @RequestBody SubmitRequest request) {
        return approvals.submit(currentUser.get(), request.title(), request.amount(), request.reason());
    }

    @GetMapping("/case/{caseId}")
    ApprovalRequest forCase(@PathVariable String caseId) {
        work.caseOf(currentUser.get(), caseId); // 404 unless the caller may follow the case
        return approvals.forCase(caseId);
    }

    record Decision(@NotNull Boolean approved, @Size(max = 2000) String comment) { }

    @Idempotent
    @PostMapping("/tasks/{taskId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Approve or reject a review task")
    void decide(@PathVariable String taskId, @Valid @RequestBody Decision decision) {
        approvals.decide(currentUser.get(), taskId, decision.approved(), decision.comment());
    }
}
