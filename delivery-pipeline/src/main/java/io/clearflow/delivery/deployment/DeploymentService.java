package io.clearflow.delivery.deployment;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.Artifact;
import io.clearflow.delivery.artifact.ArtifactService;
import io.clearflow.delivery.artifact.PromotionRepository;
import io.clearflow.delivery.system.Environment;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.delivery.version.Version;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starting deployments: the promotion rules, the row, and the hand-over to the executor after commit (so
 * an executor never works on a deployment that was rolled back, and a crash in between leaves a queued
 * row that {@link DeploymentResumer} hands over on the next start).
 */
@Service
public class DeploymentService implements Deployments {

    private final DeploymentRepository deployments;
    private final ArtifactService artifacts;
    private final PromotionRepository promotions;
    private final VersionService versions;
    private final SystemCatalog systems;
    private final DeploymentDispatcher dispatcher;
    private final DeliveryProperties properties;

    DeploymentService(DeploymentRepository deployments, ArtifactService artifacts, PromotionRepository promotions,
                      VersionService versions, SystemCatalog systems, DeploymentDispatcher dispatcher,
                      DeliveryProperties properties) {
        this.deployments = deployments;
        this.artifacts = artifacts;
        this.promotions = promotions;
        this.versions = versions;
        this.systems = systems;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    @Transactional
    public long deploy(Member actor, long artifactId, String environment, Long changeId) {
        return queue(actor, artifactId, environment, changeId, null);
    }

    /**
     * A deployment outside a change ({@code POST /api/delivery/artifacts/{id}/deploy}): never production;
     * staging by ops only, other environments by ops and developers.
     */
    @Transactional
    public long deployDirectly(Member actor, long artifactId, String environment) {
        Artifact artifact = artifacts.require(artifactId);
        Environment target = systems.resolve(versions.require(artifact.versionId()).system(), environment);
        if (DeliveryProperties.PRODUCTION.equals(target.environment())) {
            throw new ConflictException("delivery.error.productionNeedsChange");
        }
        boolean ops = actor.hasRole(PlatformRole.OPS) || actor.hasRole(PlatformRole.ADMIN);
        if (!ops && ("staging".equals(target.environment()) || !actor.hasRole(PlatformRole.DEVELOPER))) {
            throw new AccessDeniedException("delivery.error.deployNotAllowed");
        }
        return queue(actor, artifactId, environment, null, null);
    }

    /** Deploys again the artifact that last succeeded where the failed deployment went. */
    @Transactional
    public long rollback(Member actor, long failedDeploymentId) {
        Deployment failed = require(failedDeploymentId);
        if (!Deployment.FAILED.equals(failed.state())) {
            throw new ConflictException("delivery.error.rollbackOnlyFailed");
        }
        Deployment previous = rollbackTarget(failed)
                .orElseThrow(() -> new ConflictException("delivery.error.nothingToRollBackTo"));
        return queue(actor, previous.artifactId(), failed.environment() + "/" + failed.target(), failed.changeId(),
                failed.id());
    }

    /** What a failed deployment would roll back to: the last success at the same place before it. */
    @Transactional(readOnly = true)
    public Optional<Deployment> rollbackTarget(Deployment failed) {
        if (!Deployment.FAILED.equals(failed.state())) {
            return Optional.empty();
        }
        return deployments.lastSucceededBefore(failed.system(), failed.environment(), failed.target(), failed.id());
    }

    private long queue(Member actor, long artifactId, String environment, Long changeId, Long rollbackOf) {
        Artifact artifact = artifacts.require(artifactId);
        Version version = versions.require(artifact.versionId());
        Environment target = systems.resolve(version.system(), environment);
        if (DeliveryProperties.PRODUCTION.equals(target.environment())
                && !promotions.reached(artifactId, DeliveryProperties.TEST_STAGE)) {
            throw new ConflictException("delivery.error.neverTested", artifact.name());
        }
        String required = properties.requiredStageOf(target.environment());
        if (!artifacts.reached(artifact, required)) {
            throw new ConflictException("delivery.error.notPromoted", artifact.name(), artifact.stage(), required);
        }
        long id = deployments.insert(artifactId, version.id(), version.system(), target.environment(), target.target(),
                target.executor(), artifact.sha256(), changeId, rollbackOf, actor.userId(), Instant.now());
        versions.record(version.id(), rollbackOf == null ? "deployment.queued" : "deployment.rollback", actor.userId(),
                target.qualifiedName() + " " + artifact.name() + " sha256:" + artifact.sha256(), link(id));
        afterCommit(() -> dispatcher.start(deployments.find(id).orElseThrow()));
        return id;
    }

    public Deployment require(long id) {
        return deployments.find(id).orElseThrow(() -> new NotFoundException("deployment", String.valueOf(id)));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    public static String link(long deploymentId) {
        return "/delivery/deployments/" + deploymentId;
    }
}
