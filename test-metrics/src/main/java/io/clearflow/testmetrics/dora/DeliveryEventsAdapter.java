package io.clearflow.testmetrics.dora;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.api.DeliveryEvents;
import io.clearflow.testmetrics.api.DoraReport;
import io.clearflow.testmetrics.metrics.DoraCalculator;
import io.clearflow.testmetrics.store.ChangeRepository;
import io.clearflow.testmetrics.store.DeploymentRepository;
import io.clearflow.testmetrics.store.IncidentRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public {@link DeliveryEvents} over the module's delivery-event tables. */
@Component
class DeliveryEventsAdapter implements DeliveryEvents {

    private final DeploymentRepository deployments;
    private final ChangeRepository changes;
    private final IncidentRepository incidents;

    DeliveryEventsAdapter(DeploymentRepository deployments, ChangeRepository changes, IncidentRepository incidents) {
        this.deployments = deployments;
        this.changes = changes;
        this.incidents = incidents;
    }

    @Override
    @Transactional
    public void record(List<Deployment> deploymentList, List<Change> changeList, List<Incident> incidentList) {
        for (Deployment d : deploymentList) {
            require(d.system(), d.key(), d.deployedAt());
            deployments.upsert(d.system(), d.key(), d.version(), d.deployedAt(), d.succeeded(), d.rework());
        }
        for (Change c : changeList) {
            require(c.system(), c.key(), c.firstCommitAt());
            changes.upsert(c.system(), c.key(), c.firstCommitAt(), c.deploymentKey());
        }
        for (Incident i : incidentList) {
            require(i.system(), i.key(), i.startedAt());
            if (i.restoredAt() != null && i.restoredAt().isBefore(i.startedAt())) {
                throw new InvalidRequestException("tm.dora.error.restored", Map.of(), i.key());
            }
            incidents.upsert(i.system(), i.key(), i.startedAt(), i.restoredAt(), i.causedBy());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public DoraReport dora(String system, Instant until, int days) {
        if (days < 1 || days > 3660) {
            throw new InvalidRequestException("tm.dora.error.days");
        }
        Instant from = until.minus(Duration.ofDays(days));
        return DoraCalculator.compute(system, from, until, deployments.between(system, from, until),
                changes.shippedBetween(system, from, until), incidents.startedBetween(system, from, until));
    }

    List<String> systems() {
        return deployments.systems();
    }

    private static void require(String system, String key, Instant at) {
        if (system == null || system.isBlank() || key == null || key.isBlank() || at == null) {
            throw new InvalidRequestException("tm.dora.error.event");
        }
    }
}
