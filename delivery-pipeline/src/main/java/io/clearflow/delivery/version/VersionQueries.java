package io.clearflow.delivery.version;

import io.clearflow.delivery.People;
import io.clearflow.delivery.artifact.Artifact;
import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.artifact.PromotionRepository;
import io.clearflow.delivery.deployment.Deployment;
import io.clearflow.delivery.deployment.DeploymentRepository;
import io.clearflow.delivery.system.AppSystem;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.demand.api.DemandWork;
import io.clearflow.engine.api.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Versions as the list and the detail page (and their APIs) show them: people by name, one timeline. */
@Component
public class VersionQueries {

    public static final int MAX_PAGE_SIZE = 100;

    private final VersionRepository versions;
    private final TimelineRepository timeline;
    private final ArtifactRepository artifacts;
    private final PromotionRepository promotions;
    private final DeploymentRepository deployments;
    private final SystemCatalog systems;
    private final DemandWork demands;
    private final People people;

    VersionQueries(VersionRepository versions, TimelineRepository timeline, ArtifactRepository artifacts,
                   PromotionRepository promotions, DeploymentRepository deployments, SystemCatalog systems,
                   DemandWork demands, People people) {
        this.versions = versions;
        this.timeline = timeline;
        this.artifacts = artifacts;
        this.promotions = promotions;
        this.deployments = deployments;
        this.systems = systems;
        this.demands = demands;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Page list(String system, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        String filter = system == null || system.isBlank() ? null : system;
        List<Summary> items = versions.page(filter, pageNumber * pageSize, pageSize).stream()
                .map(v -> new Summary(v.id(), v.system(), v.version(), v.plannedDate(), people.name(v.createdBy()), v.createdAt()))
                .toList();
        return new Page(items, pageNumber, pageSize, versions.count(filter));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        Version v = versions.find(id).orElseThrow(() -> new NotFoundException("version", String.valueOf(id)));
        AppSystem system = systems.find(v.system()).orElseThrow();
        List<DemandView> demandViews = versions.demandIds(id).stream().map(demandId -> demands.find(demandId)
                .map(d -> new DemandView(d.id(), d.title(), d.state().name(), people.department(d.department()), d.tasks()))
                .orElse(new DemandView(demandId, null, null, null, List.of()))).toList();
        List<ArtifactView> artifactViews = artifacts.ofVersion(id).stream().map(this::artifact).toList();
        List<DeploymentView> deploymentViews = deployments.ofVersion(id).stream().map(this::deployment).toList();
        List<TimelineEntry> entries = timeline.of(id).stream().map(e -> new TimelineEntry(e.id(), e.versionId(), e.occurredAt(),
                e.actor(), people.name(e.actor()), e.kind(), e.detail(), e.link(), e.origin())).toList();
        return new Detail(v.id(), v.system(), system.name(), system.critical(), v.version(), v.plannedDate(),
                people.name(v.createdBy()), v.createdAt(), demandViews, artifactViews, deploymentViews, entries);
    }

    private ArtifactView artifact(Artifact a) {
        return new ArtifactView(a.id(), a.name(), a.sha256(), a.size(), a.stage(), a.sourceUrl(), people.name(a.uploadedBy()),
                a.uploadedAt(), promotions.of(a.id()).stream().map(p -> new PromotionView(p.fromStage(), p.toStage(),
                        people.name(p.promotedBy()), p.promotedAt(), p.gateReference())).toList());
    }

    private DeploymentView deployment(Deployment d) {
        return new DeploymentView(d.id(), d.state(), d.environment(), d.target(), d.artifactName(), d.artifactSha256(),
                d.changeId(), people.name(d.requestedBy()), d.requestedAt(), d.finishedAt());
    }

    public record Page(List<Summary> items, int page, int size, long total) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    public record Summary(long id, String system, String version, LocalDate plannedDate, String createdBy, Instant createdAt) {
    }

    /** @param title null when the demand is no longer found */
    public record DemandView(long id, String title, String state, String department, List<DemandWork.TaskRef> tasks) {
    }

    public record PromotionView(String fromStage, String toStage, String by, Instant at, String gateReference) {
    }

    public record ArtifactView(long id, String name, String sha256, long size, String stage, String sourceUrl,
                               String uploadedBy, Instant uploadedAt, List<PromotionView> promotions) {
    }

    public record DeploymentView(long id, String state, String environment, String target, String artifactName,
                                 String artifactSha256, Long changeId, String requestedBy, Instant requestedAt,
                                 Instant finishedAt) {
    }

    public record Detail(long id, String system, String systemName, boolean critical, String version, LocalDate plannedDate,
                         String createdBy, Instant createdAt, List<DemandView> demands, List<ArtifactView> artifacts,
                         List<DeploymentView> deployments, List<TimelineEntry> timeline) {
    }

}
