package io.clearflow.delivery.artifact;

import java.time.Instant;

/**
 * A row of {@code del_artifact}.
 *
 * @param sourceUrl where a registered (Jenkins-built) artifact was fetched from; null for uploads
 */
public record Artifact(long id, long versionId, String name, String sha256, long size, String stage, String sourceUrl,
                       String uploadedBy, Instant uploadedAt) {

    public ArtifactRef ref() {
        return new ArtifactRef(id, versionId, name, sha256, size, stage, uploadedBy, uploadedAt);
    }
}
