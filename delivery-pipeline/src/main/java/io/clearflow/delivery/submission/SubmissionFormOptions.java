package io.clearflow.delivery.submission;

import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.version.Version;
import io.clearflow.delivery.version.VersionRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 提测单 form offers to pick from, so that nobody types ids: recent versions, and the chosen
 * version's artifacts by name, short digest and stage.
 */
@Component
class SubmissionFormOptions {

    static final int RECENT_VERSIONS = 100;
    static final int SHORT_DIGEST = 12;

    private final VersionRepository versions;
    private final ArtifactRepository artifacts;

    SubmissionFormOptions(VersionRepository versions, ArtifactRepository artifacts) {
        this.versions = versions;
        this.artifacts = artifacts;
    }

    record VersionOption(long id, String label) { }

    record ArtifactOption(long id, String name, String shortDigest, String stage) { }

    @Transactional(readOnly = true)
    List<VersionOption> recentVersions() {
        return versions.page(null, 0, RECENT_VERSIONS).stream().map(SubmissionFormOptions::option).toList();
    }

    /** The version when it exists, for a form opened from a version page or sent back with errors. */
    @Transactional(readOnly = true)
    Optional<VersionOption> version(Long id) {
        return id == null ? Optional.empty() : versions.find(id).map(SubmissionFormOptions::option);
    }

    @Transactional(readOnly = true)
    List<ArtifactOption> artifactsOf(long versionId) {
        return artifacts.ofVersion(versionId).stream()
                .map(a -> new ArtifactOption(a.id(), a.name(), a.sha256().substring(0, SHORT_DIGEST), a.stage())).toList();
    }

    private static VersionOption option(Version v) {
        return new VersionOption(v.id(), v.system() + " " + v.version());
    }
}
