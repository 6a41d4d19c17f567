package io.clearflow.delivery.artifact;

import java.time.Instant;

/**
 * An artifact as the flows see it; {@code sha256} is its identity across environments.
 *
 * @param stage the furthest stage it was promoted to ({@code built} after upload)
 */
public record ArtifactRef(long id, long versionId, String name, String sha256, long size, String stage,
                          String uploadedBy, Instant uploadedAt) {
}
