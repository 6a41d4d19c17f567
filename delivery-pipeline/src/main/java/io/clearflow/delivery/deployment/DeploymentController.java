package io.clearflow.delivery.deployment;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Idempotent;
import io.clearflow.delivery.People;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deployments over HTTP: one deployment, direct deploys outside production, rollback, and the board. */
@RestController
class DeploymentController {

    private final DeploymentService deployments;
    private final DeploymentBoard board;
    private final CurrentUser currentUser;
    private final People people;

    DeploymentController(DeploymentService deployments, DeploymentBoard board, CurrentUser currentUser, People people) {
        this.deployments = deployments;
        this.board = board;
        this.currentUser = currentUser;
        this.people = people;
    }

    @GetMapping("/api/delivery/deployments/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    DeploymentView deployment(@PathVariable long id) {
        Deployment d = deployments.require(id);
        Long rollbackTo = deployments.rollbackTarget(d).map(Deployment::artifactId).orElse(null);
        return new DeploymentView(d.id(), d.state(), d.system(), d.environment(), d.target(), d.versionId(), d.version(),
                d.artifactId(), d.artifactName(), d.artifactSha256(), d.changeId(), d.rollbackOf(), d.executor(), d.reference(),
                d.outputTail(), d.problem(), d.requestedBy(), people.name(d.requestedBy()), d.requestedAt(), d.startedAt(),
                d.finishedAt(), rollbackTo);
    }

    @PostMapping("/api/delivery/artifacts/{id}/deploy")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEPLOY_DIRECT)
    ResponseEntity<Queued> deploy(@PathVariable long id, @Valid @RequestBody DeployRequest request) {
        return queued(deployments.deployDirectly(currentUser.get(), id, request.environment()));
    }

    @PostMapping("/api/delivery/deployments/{id}/rollback")
    @Idempotent
    @PreAuthorize(DeliveryAccess.ROLLBACK)
    ResponseEntity<Queued> rollback(@PathVariable long id) {
        return queued(deployments.rollback(currentUser.get(), id));
    }

    @GetMapping("/api/delivery/board")
    @PreAuthorize(DeliveryAccess.READ)
    List<DeploymentBoard.Row> board() {
        return board.board();
    }

    private static ResponseEntity<Queued> queued(long deploymentId) {
        return ResponseEntity.accepted().location(URI.create("/api/delivery/deployments/" + deploymentId))
                .body(new Queued(deploymentId));
    }

    record DeployRequest(@NotBlank @Size(max = 100) String environment) {
    }

    record Queued(long deploymentId) {
    }

    /** @param rollbackArtifactId the artifact a rollback would deploy (a failed deployment with an earlier success) */
    record DeploymentView(long id, String state, String system, String environment, String target, long versionId,
                          String version, long artifactId, String artifactName, String artifactSha256, Long changeId,
                          Long rollbackOf, String executor, String reference, String outputTail, String problem,
                          String requestedBy, String requestedByName, Instant requestedAt, Instant startedAt,
                          Instant finishedAt, Long rollbackArtifactId) {
    }
}
