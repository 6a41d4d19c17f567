package io.clearflow.delivery.artifact;

import java.util.Optional;

/**
 * What the flows need of the artifact store and its promotions (implemented by this package). An artifact
 * moves forward through the configured stages (by default built → test → staging → production) only by
 * {@link #promote}, each time naming the gate evaluation that allowed it.
 */
public interface Artifacts {

    Optional<ArtifactRef> find(long artifactId);

    /**
     * Promotes the artifact to {@code toStage}. Refused (409, {@code ConflictException}) when the stage is
     * not the next one or the artifact is already past it.
     *
     * @param gateReference what allowed it, e.g. {@code submission/12/exit} with its verdict
     */
    ArtifactRef promote(long artifactId, String toStage, String actorUserId, String gateReference);
}
