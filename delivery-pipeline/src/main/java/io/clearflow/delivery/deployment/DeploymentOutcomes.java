package io.clearflow.delivery.deployment;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.version.Versions;
import io.clearflow.testmetrics.api.DeliveryEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows from an ended deployment, in the transaction that stored its end: the version's timeline,
 * DORA's inputs for production (the deployment; an incident opened by a failure, restored by the next
 * success at the same place, typically the rollback) and {@link DeploymentFinished} for the change flow.
 */
@Component
class DeploymentOutcomes {

    private final IncidentRepository incidents;
    private final Versions versions;
    private final DeliveryEvents dora;
    private final ApplicationEventPublisher publisher;

    DeploymentOutcomes(IncidentRepository incidents, Versions versions, DeliveryEvents dora, ApplicationEventPublisher publisher) {
        this.incidents = incidents;
        this.versions = versions;
        this.dora = dora;
        this.publisher = publisher;
    }

    void finished(Deployment d, Instant now) {
        boolean succeeded = Deployment.SUCCEEDED.equals(d.state());
        versions.record(d.versionId(), succeeded ? "deployment.succeeded" : "deployment.failed", d.requestedBy(),
                d.environment() + "/" + d.target() + " sha256:" + d.artifactSha256()
                        + (d.problem() == null ? "" : " — " + d.problem()), DeploymentService.link(d.id()));
        if (DeliveryProperties.PRODUCTION.equals(d.environment())) {
            production(d, succeeded, now);
        }
        publisher.publishEvent(new DeploymentFinished(d.id(), d.changeId(), d.system(), d.environment(), d.artifactSha256(),
                succeeded));
    }

    private void production(Deployment d, boolean succeeded, Instant now) {
        String key = String.valueOf(d.id());
        List<DeliveryEvents.Incident> changed = new ArrayList<>();
        if (succeeded) {
            for (IncidentRepository.Incident open : incidents.openAt(d.system(), d.environment(), d.target())) {
                incidents.restore(open.id(), now, d.id());
                changed.add(new DeliveryEvents.Incident(d.system(), incidentKey(open.id()), open.startedAt(), now,
                        String.valueOf(open.deploymentId())));
                versions.record(d.versionId(), "incident.restored", d.requestedBy(), incidentKey(open.id()),
                        DeploymentService.link(open.deploymentId()));
            }
        } else {
            long incident = incidents.open(d.system(), d.environment(), d.target(), d.id(), now);
            changed.add(new DeliveryEvents.Incident(d.system(), incidentKey(incident), now, null, key));
            versions.record(d.versionId(), "incident.opened", d.requestedBy(), incidentKey(incident),
                    DeploymentService.link(d.id()));
        }
        dora.record(List.of(new DeliveryEvents.Deployment(d.system(), key, d.version(), now, succeeded, d.rollbackOf() != null)),
                List.of(), changed);
    }

    static String incidentKey(long incidentId) {
        return "INC-" + incidentId;
    }
}
