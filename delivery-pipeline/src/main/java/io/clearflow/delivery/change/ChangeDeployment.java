package io.clearflow.delivery.change;

import static io.clearflow.delivery.change.ChangeService.link;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.deployment.DeploymentFinished;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.testmetrics.api.DeliveryEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A change after its approval: ops start the production deployment, the change follows the deployment's end (and
 * DORA hears of a successful one), ops close it once verified in production.
 */
@Component
class ChangeDeployment {

    private final ChangeRepository changes;
    private final Versions versions;
    private final Deployments deployments;
    private final DeliveryEvents dora;
    private final Clock clock;
    private final PreGoLiveCheck evidence;

    ChangeDeployment(ChangeRepository changes, Versions versions, Deployments deployments, DeliveryEvents dora,
                     Clock clock, PreGoLiveCheck evidence) {
        this.changes = changes;
        this.versions = versions;
        this.deployments = deployments;
        this.dora = dora;
        this.clock = clock;
        this.evidence = evidence;
    }

    long deploy(Member ops, Change change) {
        long id = change.id();
        if (change.state() != ChangeState.APPROVED) {
            throw new ConflictException("delivery.change.error.notApproved", change.key(), change.state());
        }
        evidence.require(change);
        long deploymentId = deployments.deploy(ops, change.artifactId(), DeliveryProperties.PRODUCTION, id);
        if (!changes.deploying(id, deploymentId, clock.instant())) {
            throw new ConflictException("delivery.change.error.changed", change.key());
        }
        versions.record(change.versionId(), "change.deploying", ops.userId(), change.key(), link(id));
        return deploymentId;
    }

    void finished(DeploymentFinished event) {
        if (event.changeId() == null) {
            return;
        }
        Optional<Change> found = changes.find(event.changeId());
        if (found.isEmpty() || !Long.valueOf(event.deploymentId()).equals(found.get().deploymentId())) {
            return;
        }
        Change change = found.get();
        Instant now = clock.instant();
        if (!changes.deployed(change.id(), event.succeeded(), now)) {
            return; // already moved by an earlier delivery of the same event
        }
        if (event.succeeded() && change.firstCommitAt() != null) {
            dora.record(List.of(), List.of(new DeliveryEvents.Change(change.system(), change.key(), change.firstCommitAt(),
                    String.valueOf(event.deploymentId()))), List.of());
        }
        versions.record(change.versionId(), event.succeeded() ? "change.deployed" : "change.failed", null,
                change.key() + " " + event.artifactSha256(), link(change.id()));
    }

    void close(Member ops, Change change, String note) {
        long id = change.id();
        if (change.state() != ChangeState.DEPLOYED || !changes.closed(id, ops.userId(), note, clock.instant())) {
            throw new ConflictException("delivery.change.error.notDeployed", change.key(), change.state());
        }
        versions.record(change.versionId(), "change.closed", ops.userId(), note, link(id));
    }
}
