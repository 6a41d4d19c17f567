package io.clearflow.delivery.deployment;

import io.clearflow.engine.api.Member;

/**
 * Starting deployments (implemented by this package). A production deployment of an artifact that was never
 * promoted through test is refused; the environment's executor does the work and
 * {@link DeploymentFinished} is published when it ends.
 */
public interface Deployments {

    /**
     * Queues the deployment of the artifact to the system's environment and returns its id at once.
     *
     * @param changeId the change request that allowed it, or null for a non-production environment
     */
    long deploy(Member actor, long artifactId, String environment, Long changeId);
}
