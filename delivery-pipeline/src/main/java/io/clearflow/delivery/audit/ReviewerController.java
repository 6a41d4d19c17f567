package io.clearflow.delivery.audit;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.delivery.UnprocessableException;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reviewers and their business areas, review assignments, and the recommendation for an audit's changed modules. */
@RestController
class ReviewerController {

    record NewReviewer(@NotBlank @Size(max = 64) String system, @NotBlank @Size(max = 300) String area,
                       @NotBlank @Size(max = 64) String userId) {
    }

    record NewReview(@NotBlank @Size(max = 300) String module, @NotBlank @Size(max = 64) String reviewer) {
    }

    private final ReviewerRepository reviewers;
    private final ReviewRepository reviews;
    private final AuditService audits;
    private final ReviewerService recommendations;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final CurrentUser currentUser;

    ReviewerController(ReviewerRepository reviewers, ReviewRepository reviews, AuditService audits,
                       ReviewerService recommendations, SystemCatalog systems, OrgDirectory directory, CurrentUser currentUser) {
        this.reviewers = reviewers;
        this.reviews = reviews;
        this.audits = audits;
        this.recommendations = recommendations;
        this.systems = systems;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/delivery/audit-reviewers")
    @PreAuthorize(AuditAccess.COMPLETE)
    ResponseEntity<Map<String, Object>> add(@Valid @RequestBody NewReviewer input) {
        if (systems.find(input.system()).isEmpty()) {
            throw new UnprocessableException("delivery.audit.error.unknownSystem", Map.of("system", "delivery.audit.error.unknownSystem"));
        }
        checkUser(input.userId(), "userId");
        boolean added = reviewers.add(input.system(), input.area().strip(), input.userId());
        return ResponseEntity.status(added ? 201 : 200).body(Map.of("system", input.system(), "area", input.area().strip(),
                "userId", input.userId()));
    }

    @GetMapping("/api/delivery/audit-reviewers/{system}")
    @PreAuthorize(DeliveryAccess.READ)
    List<ReviewerRepository.Reviewer> list(@PathVariable String system) {
        return reviewers.ofSystem(system);
    }

    @PostMapping("/api/delivery/audits/{id}/reviews")
    @PreAuthorize(AuditAccess.AUDIT)
    ResponseEntity<Void> assign(@PathVariable long id, @Valid @RequestBody NewReview input) {
        Audit audit = audits.audit(id);
        checkUser(input.reviewer(), "reviewer");
        reviews.insert(id, audit.system(), input.module().strip(), input.reviewer(), currentUser.get().userId(), Instant.now());
        return ResponseEntity.status(201).build();
    }

    /** Per changed module of the audit's last package: the three methods' candidates, best first. */
    @GetMapping("/api/delivery/audits/{id}/recommendations")
    @PreAuthorize(DeliveryAccess.READ)
    List<Map<String, Object>> recommend(@PathVariable long id) {
        return recommendations.recommend(id);
    }

    private void checkUser(String userId, String field) {
        if (directory.member(userId).isEmpty()) {
            throw new UnprocessableException("delivery.audit.error.unknownUser", Map.of(field, "delivery.audit.error.unknownUser"));
        }
    }
}
