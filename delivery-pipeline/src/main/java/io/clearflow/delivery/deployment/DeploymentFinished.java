package io.clearflow.delivery.deployment;

/**
 * A deployment ended. Published after its state is stored; the change flow moves its change on (verify in
 * production, or incident and rollback offer).
 *
 * @param changeId null when the deployment belonged to no change
 */
public record DeploymentFinished(long deploymentId, Long changeId, String system, String environment,
                                 String artifactSha256, boolean succeeded) {
}
