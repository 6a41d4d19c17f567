package io.clearflow.delivery.deployment;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.People;
import io.clearflow.delivery.artifact.Artifact;
import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.system.AppSystem;
import io.clearflow.delivery.system.Environment;
import io.clearflow.delivery.system.SystemCatalog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment board: systems × environments, which version and digest runs where (the last succeeded
 * deployment), the state of the last attempt, and the promoted artifacts that may be deployed there.
 */
@Component
public class DeploymentBoard {

    static final int CANDIDATES = 5;

    private final SystemCatalog systems;
    private final DeploymentRepository deployments;
    private final ArtifactRepository artifacts;
    private final DeliveryProperties properties;
    private final People people;

    DeploymentBoard(SystemCatalog systems, DeploymentRepository deployments, ArtifactRepository artifacts,
                    DeliveryProperties properties, People people) {
        this.systems = systems;
        this.deployments = deployments;
        this.artifacts = artifacts;
        this.properties = properties;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<Row> board() {
        Map<String, Deployment> latest = byPlace(deployments.latestPerPlace());
        Map<String, Deployment> running = byPlace(deployments.latestSucceededPerPlace());
        return systems.systems().stream().map(s -> row(s, latest, running)).toList();
    }

    private Row row(AppSystem system, Map<String, Deployment> latest, Map<String, Deployment> current) {
        List<Cell> cells = systems.environments(system.code()).stream().map(e -> {
            String place = place(system.code(), e.environment(), e.target());
            String required = properties.requiredStageOf(e.environment());
            List<String> stages = properties.stages().subList(Math.max(0, properties.stageIndex(required)),
                    properties.stages().size());
            List<Candidate> candidates = DeliveryProperties.PRODUCTION.equals(e.environment()) ? List.of()
                    : artifacts.ofSystemAt(system.code(), stages, CANDIDATES).stream().map(DeploymentBoard::candidate).toList();
            return new Cell(e.environment(), e.target(), e.executor(), view(current.get(place)), view(latest.get(place)),
                    candidates);
        }).toList();
        return new Row(system.code(), system.name(), people.department(system.ownerDepartment()), system.critical(), cells);
    }

    private static Candidate candidate(Artifact a) {
        return new Candidate(a.id(), a.name(), a.sha256(), a.stage());
    }

    private Placed view(Deployment d) {
        return d == null ? null : new Placed(d.id(), d.version(), d.versionId(), d.artifactName(), d.artifactSha256(),
                d.state(), people.name(d.requestedBy()), d.finishedAt() == null ? d.requestedAt() : d.finishedAt());
    }

    private static Map<String, Deployment> byPlace(List<Deployment> list) {
        Map<String, Deployment> map = new HashMap<>();
        list.forEach(d -> map.put(place(d.system(), d.environment(), d.target()), d));
        return map;
    }

    private static String place(String system, String environment, String target) {
        return system + "\u0000" + environment + "\u0000" + target;
    }

    public record Row(String system, String name, String ownerDepartment, boolean critical, List<Cell> environments) {
    }

    /**
     * @param current   the last succeeded deployment: what runs there
     * @param lastAttempt the last deployment whatever its state (queued, running, failed…)
     */
    public record Cell(String environment, String target, String executor, Placed current, Placed lastAttempt,
                       List<Candidate> deployable) {
    }

    public record Placed(long deploymentId, String version, long versionId, String artifactName, String sha256, String state,
                         String by, Instant at) {
    }

    public record Candidate(long artifactId, String name, String sha256, String stage) {
    }
}
