package io.clearflow.delivery.deployment;

import java.time.Instant;

/**
 * A row of {@code del_deployment} with its version label and artifact name.
 *
 * @param state      queued, running, succeeded or failed
 * @param reference  what the executor needs to resume it (working folder, Jenkins build URL)
 * @param rollbackOf the failed deployment this one rolls back, null otherwise
 */
public record Deployment(long id, long artifactId, String artifactName, long versionId, String version, String system,
                         String environment, String target, String executor, String artifactSha256, Long changeId,
                         Long rollbackOf, String state, String reference, String outputTail, String problem,
                         String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean finished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
