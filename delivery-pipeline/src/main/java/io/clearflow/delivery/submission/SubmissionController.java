package io.clearflow.delivery.submission;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test submissions (提测单) over REST; each handler is one service call. */
@RestController
class SubmissionController {

    record SubmitRequest(@NotNull @Positive Long artifactId) { }

    record CompleteRequest(@NotNull Boolean passed, @Size(max = SubmissionService.MAX_TEXT) String comment) { }

    /** The reason is checked by the service, so a missing one gets the same message on the page and here. */
    record ReasonRequest(String reason) { }

    /** QC's decision after a passed exit; a reason is required when sending back. */
    record QcReviewRequest(@NotNull Boolean approved, @Size(max = SubmissionService.MAX_TEXT) String reason) { }

    record Created(long id, String state, GateView gate) { }

    record GateAnswer(GateView gate) { }

    private final SubmissionService service;
    private final CurrentUser currentUser;

    SubmissionController(SubmissionService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/delivery/versions/{versionId}/test-submissions")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEVELOP)
    ResponseEntity<Created> submit(@PathVariable long versionId, @Valid @RequestBody SubmitRequest request) {
        return created(service.submit(currentUser.get(), versionId, request.artifactId()));
    }

    @GetMapping("/api/delivery/versions/{versionId}/test-submissions")
    @PreAuthorize(DeliveryAccess.READ)
    List<TestSubmission> ofVersion(@PathVariable long versionId) {
        return service.ofVersion(versionId);
    }

    @GetMapping("/api/delivery/test-submissions")
    @PreAuthorize(DeliveryAccess.READ)
    List<TestSubmission> latest(@RequestParam(defaultValue = "100") int limit) {
        return service.latest(limit);
    }

    @GetMapping("/api/delivery/test-submissions/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    SubmissionService.Detail detail(@PathVariable long id) {
        return service.detail(id);
    }

    @PostMapping("/api/delivery/test-submissions/{id}/accept")
    @Idempotent
    @PreAuthorize(DeliveryAccess.TEST)
    TestSubmission accept(@PathVariable long id) {
        return service.accept(currentUser.get(), id);
    }

    @PostMapping("/api/delivery/test-submissions/{id}/complete")
    @Idempotent
    @PreAuthorize(DeliveryAccess.TEST)
    GateAnswer complete(@PathVariable long id, @Valid @RequestBody CompleteRequest request) {
        return new GateAnswer(service.complete(currentUser.get(), id, request.passed(), request.comment()));
    }

    @PostMapping("/api/delivery/test-submissions/{id}/qc-review")
    @PreAuthorize(DeliveryAccess.QC_REVIEW)
    TestSubmission qcReview(@PathVariable long id, @Valid @RequestBody QcReviewRequest request) {
        return service.qcReview(currentUser.get(), id, request.approved(), request.reason());
    }

    @PostMapping("/api/delivery/test-submissions/{id}/send-back")
    @Idempotent
    @PreAuthorize(DeliveryAccess.TEST)
    TestSubmission sendBack(@PathVariable long id, @RequestBody ReasonRequest request) {
        return service.sendBack(currentUser.get(), id, request.reason());
    }

    @PostMapping("/api/delivery/test-submissions/{id}/resubmit")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEVELOP)
    ResponseEntity<Created> resubmit(@PathVariable long id) {
        SubmissionService.Outcome outcome = service.resubmit(currentUser.get(), id);
        if (outcome.refused()) {
            throw new GateRefusedException(outcome.gate());
        }
        return ResponseEntity.ok(new Created(id, outcome.submission().state().name(), outcome.gate()));
    }

    @PostMapping("/api/delivery/test-submissions/{id}/withdraw")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEVELOP)
    TestSubmission withdraw(@PathVariable long id, @RequestBody ReasonRequest request) {
        return service.withdraw(currentUser.get(), id, request.reason());
    }

    private static ResponseEntity<Created> created(SubmissionService.Outcome outcome) {
        if (outcome.refused()) {
            throw new GateRefusedException(outcome.gate());
        }
        long id = outcome.submission().id();
        return ResponseEntity.created(URI.create("/api/delivery/test-submissions/" + id))
                .body(new Created(id, outcome.submission().state().name(), outcome.gate()));
    }
}
