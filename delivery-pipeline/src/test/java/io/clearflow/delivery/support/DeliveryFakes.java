package io.clearflow.delivery.support;

import io.clearflow.delivery.artifact.ArtifactRef;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.DeploymentFinished;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In-memory versions, artifacts and deployments behind the module's contracts, until the session that builds
 * them merges its implementation (then these go and the tests use the real beans).
 */
@TestConfiguration(proxyBeanMethods = false)
public class DeliveryFakes {

    public record TimelineEntry(long versionId, String kind, String actor, String detail, String link) { }

    public record Promotion(long artifactId, String toStage, String actor, String gateReference) { }

    public record DeploymentOrder(long id, String actor, long artifactId, String environment, Long changeId) { }

    static final List<String> STAGES = List.of("built", "test", "staging", "production");

    @Bean
    FakeDelivery fakeDelivery(ApplicationEventPublisher events, TransactionTemplate transactions) {
        return new FakeDelivery(events, transactions);
    }

    @Bean
    Versions fakeVersions(FakeDelivery fake) {
        return new Versions() {
            @Override
            public Optional<VersionRef> find(long versionId) {
                return Optional.ofNullable(fake.versions.get(versionId));
            }

            @Override
            public void record(long versionId, String kind, String actorUserId, String detail, String link) {
                fake.timeline.add(new TimelineEntry(versionId, kind, actorUserId, detail, link));
            }
        };
    }

    @Bean
    Artifacts fakeArtifacts(FakeDelivery fake) {
        return new Artifacts() {
            @Override
            public Optional<ArtifactRef> find(long artifactId) {
                return Optional.ofNullable(fake.artifacts.get(artifactId));
            }

            @Override
            public ArtifactRef promote(long artifactId, String toStage, String actorUserId, String gateReference) {
                return fake.promote(artifactId, toStage, actorUserId, gateReference);
            }
        };
    }

    @Bean
    Deployments fakeDeployments(FakeDelivery fake) {
        return fake::deploy;
    }

    /** One object behind the three contracts, so a test sets up and inspects everything in one place. */
    public static class FakeDelivery {

        private final AtomicLong ids = new AtomicLong(1000);
        private final Map<Long, VersionRef> versions = new ConcurrentHashMap<>();
        private final Map<Long, ArtifactRef> artifacts = new ConcurrentHashMap<>();
        private final Map<Long, DeploymentOrder> deployments = new ConcurrentHashMap<>();
        public final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
        public final List<Promotion> promotions = new CopyOnWriteArrayList<>();
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transactions;

        FakeDelivery(ApplicationEventPublisher events, TransactionTemplate transactions) {
            this.events = events;
            this.transactions = transactions;
        }

        public long version(String system, String label, boolean critical, Set<String> developers) {
            long id = ids.incrementAndGet();
            versions.put(id, new VersionRef(id, system, label, critical, "dept-it", developers, List.of(7L, 8L)));
            return id;
        }

        public long artifact(long versionId, String name, String uploadedBy) {
            long id = ids.incrementAndGet();
            artifacts.put(id, new ArtifactRef(id, versionId, name, "ab".repeat(32), 1234, "built", uploadedBy, Instant.now()));
            return id;
        }

        public VersionRef versionRef(long id) {
            return versions.get(id);
        }

        public ArtifactRef artifactRef(long id) {
            return artifacts.get(id);
        }

        public DeploymentOrder deployment(long id) {
            return deployments.get(id);
        }

        public List<String> timelineKinds(long versionId) {
            List<String> kinds = new ArrayList<>();
            timeline.stream().filter(t -> t.versionId() == versionId).forEach(t -> kinds.add(t.kind()));
            return kinds;
        }

        /** The deployment ends, as the deployment flow would announce it inside its own transaction. */
        public void finish(long deploymentId, boolean succeeded) {
            DeploymentOrder order = deployments.get(deploymentId);
            ArtifactRef artifact = artifacts.get(order.artifactId());
            String system = versions.get(artifact.versionId()).system();
            transactions.executeWithoutResult(s -> events.publishEvent(new DeploymentFinished(deploymentId,
                    order.changeId(), system, order.environment(), artifact.sha256(), succeeded)));
        }

        ArtifactRef promote(long artifactId, String toStage, String actorUserId, String gateReference) {
            ArtifactRef a = artifacts.get(artifactId);
            if (STAGES.indexOf(toStage) != STAGES.indexOf(a.stage()) + 1) {
                throw new ConflictException("not the next stage: " + a.stage() + " → " + toStage);
            }
            ArtifactRef promoted = new ArtifactRef(a.id(), a.versionId(), a.name(), a.sha256(), a.size(), toStage,
                    a.uploadedBy(), a.uploadedAt());
            artifacts.put(artifactId, promoted);
            promotions.add(new Promotion(artifactId, toStage, actorUserId, gateReference));
            return promoted;
        }

        long deploy(Member actor, long artifactId, String environment, Long changeId) {
            long id = ids.incrementAndGet();
            deployments.put(id, new DeploymentOrder(id, actor.userId(), artifactId, environment, changeId));
            return id;
        }
    }
}
