package io.clearflow.delivery.demand;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.Artifact;
import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.deployment.Deployment;
import io.clearflow.delivery.deployment.DeploymentRepository;
import io.clearflow.delivery.system.AppSystem;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.delivery.version.Version;
import io.clearflow.delivery.version.VersionRepository;
import io.clearflow.demand.api.DemandDeliveryStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demand-portal's {@link DemandDeliveryStatus} over the delivery tables: the business side sees its demand's
 * versions, how far they got and what runs where, without ids and with only a short digest.
 */
@Component
class DemandDeliveryAdapter implements DemandDeliveryStatus {

    static final int SHORT_DIGEST = 12;

    private final VersionRepository versions;
    private final ArtifactRepository artifacts;
    private final DeploymentRepository deployments;
    private final SystemCatalog systems;
    private final DeliveryProperties properties;

    DemandDeliveryAdapter(VersionRepository versions, ArtifactRepository artifacts, DeploymentRepository deployments,
                          SystemCatalog systems, DeliveryProperties properties) {
        this.versions = versions;
        this.artifacts = artifacts;
        this.deployments = deployments;
        this.systems = systems;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeliveredVersion> versionsOf(long demandId) {
        return versions.ofDemand(demandId).stream().map(this::delivered).toList();
    }

    private DeliveredVersion delivered(Version v) {
        String systemName = systems.find(v.system()).map(AppSystem::name).orElse(v.system());
        String stage = artifacts.ofVersion(v.id()).stream().map(Artifact::stage)
                .max(Comparator.comparingInt(properties::stageIndex)).orElse(null);
        // ofVersion is newest first: the first deployment seen per place is the version's latest there
        Map<String, Deployment> latest = new LinkedHashMap<>();
        for (Deployment d : deployments.ofVersion(v.id())) {
            latest.putIfAbsent(d.environment() + "/" + d.target(), d);
        }
        List<EnvironmentStatus> environments = latest.values().stream()
                .sorted(Comparator.comparingInt(d -> properties.stageIndex(properties.requiredStageOf(d.environment()))))
                .map(this::status).toList();
        return new DeliveredVersion(systemName, v.version(), v.plannedDate(), stage, environments);
    }

    private EnvironmentStatus status(Deployment d) {
        boolean current = Deployment.SUCCEEDED.equals(d.state()) && deployments
                .lastSucceededBefore(d.system(), d.environment(), d.target(), Long.MAX_VALUE)
                .map(last -> last.id() == d.id()).orElse(false);
        return new EnvironmentStatus(d.environment(), d.target(), d.state(), d.artifactSha256().substring(0, SHORT_DIGEST),
                d.finishedAt() != null ? d.finishedAt() : d.requestedAt(), current);
    }
}
