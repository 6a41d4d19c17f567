package io.clearflow.delivery.version;

import io.clearflow.delivery.UnprocessableException;
import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.system.AppSystem;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating versions and keeping their timeline; the {@link Versions} the submission and change flows use. */
@Service
public class VersionService implements Versions {

    private final VersionRepository versions;
    private final ArtifactRepository artifacts;
    private final SystemCatalog systems;
    private final DemandIntake demands;
    private final TimelineRecorder timeline;

    VersionService(VersionRepository versions, ArtifactRepository artifacts, SystemCatalog systems, DemandIntake demands,
                   TimelineRecorder timeline) {
        this.versions = versions;
        this.artifacts = artifacts;
        this.systems = systems;
        this.demands = demands;
        this.timeline = timeline;
    }

    /** Unknown system or demand: 422 with the field; the same system and version twice: 409. */
    @Transactional
    public long create(Member actor, NewVersion input) {
        if (systems.find(input.system()).isEmpty()) {
            throw new UnprocessableException("delivery.error.unknownSystem", Map.of("system", "delivery.error.unknownSystem"));
        }
        List<Long> unknown = input.demandIds().stream().filter(id -> demands.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new UnprocessableException("delivery.error.unknownDemand", Map.of("demandIds", "delivery.error.unknownDemand"));
        }
        if (versions.exists(input.system(), input.version())) {
            throw new ConflictException("delivery.error.versionExists", input.system(), input.version());
        }
        long id;
        try {
            id = versions.insert(input.system(), input.version(), input.plannedDate(), actor.userId(), Instant.now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("delivery.error.versionExists", input.system(), input.version());
        }
        versions.addDemands(id, input.demandIds());
        Version version = versions.find(id).orElseThrow();
        timeline.record(version, "version.created", actor.userId(), input.system() + " " + input.version(), link(id));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VersionRef> find(long versionId) {
        return versions.find(versionId).map(v -> {
            AppSystem system = systems.find(v.system()).orElseThrow();
            return new VersionRef(v.id(), v.system(), v.version(), system.critical(), system.ownerDepartment(),
                    artifacts.uploaders(v.id()), versions.demandIds(v.id()));
        });
    }

    @Override
    @Transactional
    public void record(long versionId, String kind, String actorUserId, String detail, String link) {
        Version version = require(versionId);
        timeline.record(version, kind, actorUserId, detail, link);
    }

    public Version require(long versionId) {
        return versions.find(versionId).orElseThrow(() -> new NotFoundException("version", String.valueOf(versionId)));
    }

    public static String link(long versionId) {
        return "/delivery/versions/" + versionId;
    }
}
